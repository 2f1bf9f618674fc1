package org.anjian.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One record of the audit trail as stored: position in the chain, when, who (user name or
 * {@code system:reason}), for which enforcement body, in which district and street, which row of which table,
 * the action (a business action name, or insert / update / delete), the row before and after as JSON text
 * (passwords removed), and the two hashes that chain it to the record before.
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String bodyId, String districtCode,
		String streetCode, String entityType, String entityId, String action,
		@JsonRawValue String beforeState, @JsonRawValue String afterState, String prevHash, String hash) {
}
