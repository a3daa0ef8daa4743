/** The terminal front end: commands for template authors, and later the interview in a terminal. */
package dev.specbot.cli;
