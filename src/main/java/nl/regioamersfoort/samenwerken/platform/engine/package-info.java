/**
 * Glue between the domain and the Camunda engine that several features share: reading and
 * checking form input, the person behind a command. Kept small so a move to Operaton is a rename.
 */
package nl.regioamersfoort.samenwerken.platform.engine;
