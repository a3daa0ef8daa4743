/**
 * specbot's entry point: {@link dev.specbot.Main} reads the command line and starts the front end
 * it names (the Slack bot, or an interview or template command in the terminal), with the {@link
 * dev.specbot.Config} read from the environment. The one place where a front end is chosen; each
 * front end wires its own parts by their constructors.
 */
package dev.specbot;
