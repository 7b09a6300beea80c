package org.refusalworkbench.importing;

/**
 * A record with everything that needs no database done already (validation, content ids), so that work runs on
 * a second core while the writer thread inserts.
 */
record PreparedRecord(ResponseRecord record, String file, byte[] promptUid, byte[] responseUid, String content) {
}
