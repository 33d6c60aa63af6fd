/**
 * The house's dependency rules (STYLE.md), checked with ArchUnit over every module's main classes.
 */
package org.dicommeta.it.arch;
