package nl.regioamersfoort.samenwerken.herinnering;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A person who switched the weekly digest off; switching it on again deletes the row. */
@Entity
@Table(name = "digest_opt_out")
class DigestOptOut {

    @Id
    @Column(name = "user_id")
    private String userId;
    @Column(name = "opted_out_at", nullable = false)
    private LocalDateTime optedOutAt;

    protected DigestOptOut() {
    }

    DigestOptOut(String userId, LocalDateTime optedOutAt) {
        this.userId = userId;
        this.optedOutAt = optedOutAt;
    }

    String getUserId() {
        return userId;
    }

    LocalDateTime getOptedOutAt() {
        return optedOutAt;
    }
}
