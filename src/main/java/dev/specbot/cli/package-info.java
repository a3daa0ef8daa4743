/** The terminal front end: the interview in a terminal, and commands for template authors. */
package dev.specbot.cli;
