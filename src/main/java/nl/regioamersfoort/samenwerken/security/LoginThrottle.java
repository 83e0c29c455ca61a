package nl.regioamersfoort.samenwerken.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing instead of locking people out. Failed logins are counted per account (as typed,
 * whether it exists or not) and per source address. A few failures cost nothing; after that the
 * account, or the address, waits before its next attempt is even checked: one minute, doubling up to
 * five minutes, never longer. A count forgets itself after an hour without failures. So an outsider
 * can make a wethouder wait a few minutes while they keep trying, but never lock anybody out until an
 * administrator acts, and a refused attempt is answered exactly like a wrong password or an unknown
 * account, so the answers do not tell which accounts exist.
 *
 * <p>The counts live in this node's memory, on purpose: checking them costs nothing on the HTTP Basic
 * requests of the API, which all log in, and a restart forgets them (a restart never locks anybody
 * out either). In a cluster of N nodes behind a load balancer an attacker gains at most N times the
 * attempts: with five minutes as the longest wait that is still only N × 12 guesses an hour per
 * account. Time is the engine's clock, so tests travel in time instead of waiting.
 */
@Component
class LoginThrottle {

    static final String REFUSED = "De gebruikersnaam of het wachtwoord is onjuist, of er is te vaak geprobeerd in te loggen. "
            + "Probeer het over enkele minuten opnieuw.";

    /** People mistype their own password a few times; a guesser needs thousands of attempts. */
    static final Rule PER_ACCOUNT = new Rule(5, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));
    /** Many people may share one address (a town hall behind one gateway): more room before it slows. */
    static final Rule PER_ADDRESS = new Rule(30, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));

    /** Beyond this many remembered accounts or addresses, the forgotten and harmless ones are dropped first. */
    private static final int REMEMBERED = 10_000;
    /** An account name longer than any real one is remembered by its beginning only. */
    private static final int LONGEST_NAME = 128;

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    /**
     * Attempts on one account are checked one after another: parallel guesses would otherwise all pass
     * before the first failure is counted. Striped, so the locks need no bookkeeping of their own.
     */
    private final ReentrantLock[] accountLocks = new ReentrantLock[64];

    LoginThrottle() {
        for (int i = 0; i < accountLocks.length; i++) {
            accountLocks[i] = new ReentrantLock();
        }
    }

    /**
     * When to slow down: after {@code freeFailures} failures the next attempt waits {@code firstWait},
     * doubling with each further failure up to {@code longestWait}; {@code forgetAfter} without a failure
     * and the count starts again.
     */
    record Rule(int freeFailures, Duration firstWait, Duration longestWait, Duration forgetAfter) {

        Duration waitAfter(int failures) {
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - freeFailures, 30);
            Duration wait = firstWait.multipliedBy(1L << doublings);
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }
    }

    /** How often in a row something failed, and when last. */
    record Failures(int count, Instant last) {

        /** The clock may be set back (the demo clock, a corrected server clock): a failure is never in the future. */
        Failures seenAt(Instant now) {
            return last.isAfter(now) ? new Failures(count, now) : this;
        }

        Instant slowedUntil(Rule rule) {
            return last.plus(rule.waitAfter(count));
        }

        boolean slowsAt(Instant now, Rule rule) {
            return now.isBefore(seenAt(now).slowedUntil(rule));
        }

        boolean forgottenAt(Instant now, Rule rule) {
            return !now.isBefore(seenAt(now).last.plus(rule.forgetAfter()));
        }
    }

    /** An account or address that is waiting, for beheer's overview. */
    record Slowdown(String who, int failures, Instant until) {
    }

    /**
     * Runs one login attempt: refused unchecked while the account or the address is slowed down,
     * otherwise {@code passwordCheck} decides and a failure is counted for both.
     *
     * @return whether the person may log in
     */
    boolean attempt(String account, String address, BooleanSupplier passwordCheck) {
        String accountKey = accountKey(account);
        String addressKey = addressKey(address);
        ReentrantLock lock = accountLocks[Math.floorMod(accountKey.hashCode(), accountLocks.length)];
        try {
            // A wall-clock bound, not a rule: a flood of attempts on one account must not hold threads for ever.
            if (!lock.tryLock(10, TimeUnit.SECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            if (slows(accounts.get(accountKey), now, PER_ACCOUNT) || slows(addresses.get(addressKey), now, PER_ADDRESS)) {
                return false;
            }
            if (passwordCheck.getAsBoolean()) {
                // A success does not wipe the count: a guesser sharing an account with a busy API client
                // would otherwise get a few free guesses after each of its requests.
                return true;
            }
            countFailure(accounts, accountKey, now, PER_ACCOUNT);
            countFailure(addresses, addressKey, now, PER_ADDRESS);
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every count, as a restart of this node does. */
    void forgetAll() {
        accounts.clear();
        addresses.clear();
    }

    /** Accounts slowed down at this moment, longest wait first. */
    List<Slowdown> slowedAccounts() {
        return slowed(accounts, PER_ACCOUNT);
    }

    /** Addresses slowed down at this moment, longest wait first. */
    List<Slowdown> slowedAddresses() {
        return slowed(addresses, PER_ADDRESS);
    }

    private static List<Slowdown> slowed(Map<String, Failures> counts, Rule rule) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<Slowdown> slowed = new ArrayList<>();
        counts.forEach((who, failures) -> {
            if (failures.slowsAt(now, rule)) {
                slowed.add(new Slowdown(who, failures.count(), failures.seenAt(now).slowedUntil(rule)));
            }
        });
        slowed.sort(Comparator.comparing(Slowdown::until).reversed().thenComparing(Slowdown::who));
        return slowed;
    }

    private static boolean slows(Failures failures, Instant now, Rule rule) {
        return failures != null && failures.slowsAt(now, rule);
    }

    private static void countFailure(Map<String, Failures> counts, String key, Instant now, Rule rule) {
        counts.compute(key, (k, failures) -> failures == null || failures.forgottenAt(now, rule)
                ? new Failures(1, now)
                : new Failures(failures.count() + 1, now));
        if (counts.size() > REMEMBERED) {
            counts.entrySet().removeIf(entry -> entry.getValue().forgottenAt(now, rule));
        }
        if (counts.size() > REMEMBERED) {
            // Only a spray of made-up names from many addresses gets here: keep what actually slows someone.
            counts.entrySet().removeIf(entry -> !entry.getValue().slowsAt(now, rule));
        }
    }

    /**
     * One IPv6 network (/64) is one address: whoever has one has billions of addresses in it, and
     * would otherwise start afresh with each. IPv4 addresses count one by one.
     */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "onbekend";
        }
        if (!address.contains(":")) {
            return address;
        }
        try {
            // A literal with colons is parsed as IPv6, never looked up in DNS.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress().replaceFirst("(:0)+$", "::") + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Camunda's user ids are matched as typed, but a guesser must not escape the count by changing case or spaces. */
    static String accountKey(String account) {
        String key = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return key.length() > LONGEST_NAME ? key.substring(0, LONGEST_NAME) : key;
    }
}
