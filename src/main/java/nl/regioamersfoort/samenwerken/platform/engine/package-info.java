/**
 * Glue between the domain and the Camunda engine that several features share: the engine hooks,
 * the person behind a command, the processes each feature declares. Kept small so a move to
 * Operaton is a rename.
 *
 * <h2>What a task completion passes</h2>
 * None of these hooks shows in a model; all are engine plugins, so every way in (Tasklist, the
 * engine REST API, the webapps' API, Java) passes them, in this order:
 * <ol>
 * <li>{@code security.EngineDoors}, {@code SecurityConfiguration}: the HTTP doors; engine REST is
 * for administrators only, the webapps' API for logged-in people (not a hook of the engine).</li>
 * <li>{@link nl.regioamersfoort.samenwerken.platform.engine.InvalidInputUnwrapping} (outermost
 * pre-command interceptor): a Dutch refusal thrown deep inside the command reaches the caller as
 * itself, not wrapped in the engine's exceptions.</li>
 * <li>{@link nl.regioamersfoort.samenwerken.platform.engine.ConcurrentCompletion}: a completion that
 * collides with another node's is retried, or answered "al afgerond" when the task is gone.</li>
 * <li>Spring's transaction and Camunda's command context.</li>
 * <li>{@code security.EngineCommandGuard} (first post-command interceptor): a person may run only
 * the commands of their work (reads, claim, complete their own task, …); everything else is refused.</li>
 * <li>{@link nl.regioamersfoort.samenwerken.platform.engine.FormFieldsOnly}: a completion takes the
 * entered fields of the task's form only, whatever else was sent along.</li>
 * <li>During the command: {@code security.CaseIdentityVariables} refuses a change of the case's
 * identity variables ({@code gemeente}, {@code programmaId}, …) by a person;
 * {@code security.TaskAuthorizations} lets only the task's own people (assignee, candidates) work or
 * hand it on, and keeps hand-overs inside the task's circle; the task's own
 * listeners run (the feature's glue reads and checks the input with
 * {@link nl.regioamersfoort.samenwerken.platform.form.FormInput}); {@code herinnering.TaskWatch}
 * stops the task's deadline watch; a new local case (a gate, a request) gets its municipality's
 * tenant ({@code security.MunicipalityTenants}), or does not start.</li>
 * <li>{@link nl.regioamersfoort.samenwerken.platform.engine.EngineRestErrors}: over REST, a refusal
 * is answered in Camunda's JSON shape with a Dutch message and the right status.</li>
 * </ol>
 */
@NamedInterface("engine")
package nl.regioamersfoort.samenwerken.platform.engine;

import org.springframework.modulith.NamedInterface;
