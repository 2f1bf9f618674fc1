package org.anjian.enterprise.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.anjian.audit.AuditEntry;
import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.internal.IndustryDivisions;
import org.anjian.enterprise.internal.SupervisionRules;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.ActorName;
import org.anjian.shared.ActorNames;
import org.anjian.shared.Zone;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An enterprise's change history as people read it: from the audit trail's before and after rows (JSON with the
 * table's column names) to who, when, which field, from what to what; with field names, choices, places and
 * bodies in words. The trail itself stays as stored; this is only its reading.
 */
@Component
class EnterpriseHistory {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** Bookkeeping columns that say nothing to a reader. */
	private static final Set<String> HIDDEN = Set.of("version");

	/** Columns holding one choice of an enum, and the message prefix of its labels. */
	private static final Map<String, String> CHOICES = Map.of("sector", "sector.", "sector_subtype", "subtype.",
			"scale", "scale.", "supervision_level", "level.", "standardization_grade", "grade.",
			"operating_status", "status.");

	private final AuditTrail audit;
	private final AuditLabels labels;
	private final Jurisdictions jurisdictions;
	private final EnforcementBodies bodies;
	private final IndustryDivisions industries;
	private final SupervisionRules supervisionRules;
	private final MessageSource messages;
	private final ObjectMapper json;
	private final ActorNames names;

	EnterpriseHistory(AuditTrail audit, AuditLabels labels, Jurisdictions jurisdictions, EnforcementBodies bodies,
			IndustryDivisions industries, SupervisionRules supervisionRules, MessageSource messages, ObjectMapper json,
			ActorNames names) {
		this.names = names;
		this.audit = audit;
		this.labels = labels;
		this.jurisdictions = jurisdictions;
		this.bodies = bodies;
		this.industries = industries;
		this.supervisionRules = supervisionRules;
		this.messages = messages;
		this.json = json;
	}

	/** One act on the file. */
	public record Change(String time, String actor, String action, List<FieldChange> fields) {
	}

	/** One field of it, with its old and new value in words. */
	public record FieldChange(String field, String before, String after) {
	}

	/** The file's history, newest first, as far as the caller's jurisdiction reaches. */
	List<Change> of(String uscc, Locale locale) {
		List<AuditEntry> entries = audit.history("enterprise", uscc);
		// who changed the file, by name
		Map<String, ActorName> actors = names.of(entries.stream().map(AuditEntry::actor).toList());
		Words words = new Words(locale);
		List<Change> changes = new ArrayList<>();
		for (int i = entries.size() - 1; i >= 0; i--) {
			AuditEntry entry = entries.get(i);
			JsonNode before = read(entry.beforeState());
			JsonNode after = read(entry.afterState());
			List<FieldChange> fields = new ArrayList<>();
			if (before != null && after != null) {
				Set<String> columns = new LinkedHashSet<>(after.propertyNames());
				columns.addAll(before.propertyNames());
				for (String column : columns) {
					JsonNode old = before.get(column);
					JsonNode now = after.get(column);
					if (!HIDDEN.contains(column) && !Objects.equals(old, now)) {
						fields.add(new FieldChange(words.field(column), words.value(column, old), words.value(column, now)));
					}
				}
			}
			ActorName actor = actors.get(entry.actor());
			changes.add(new Change(TIME.format(entry.occurredAt().atZone(Zone.SHANGHAI)),
					actor == null ? entry.actor() : actor.label(),
					words.text("enterprise.action." + entry.action(), labels.label(entry.action())), fields));
		}
		return changes;
	}

	private JsonNode read(String state) {
		return state == null ? null : json.readTree(state);
	}

	/** The words for one rendering, with the names of places, bodies and industries looked up once. */
	private final class Words {

		private final Locale locale;
		private Map<String, String> places;
		private Map<String, String> industryNames;
		private Map<String, String> rules;
		private final Map<Long, String> bodyNames = new HashMap<>();

		Words(Locale locale) {
			this.locale = locale;
		}

		String field(String column) {
			return text("enterprise.field." + column, column);
		}

		String value(String column, JsonNode node) {
			if (node == null || node.isNull() || (node.isArray() && node.isEmpty())
					|| (node.isString() && node.asString().isBlank())) {
				return text("enterprise.history.empty", "—");
			}
			if (node.isBoolean()) {
				return text(node.asBoolean() ? "enterprise.yes" : "enterprise.no", String.valueOf(node.asBoolean()));
			}
			if (node.isArray()) {
				List<String> items = new ArrayList<>();
				node.forEach(item -> items.add("risk_tags".equals(column) ? text("tag." + item.asString(), item.asString())
						: item.asString()));
				return String.join("、", items);
			}
			String value = node.isString() ? node.asString() : node.toString();
			if (CHOICES.containsKey(column)) {
				return text(CHOICES.get(column) + value, value);
			}
			switch (column) {
				case "district_code", "street_code" -> {
					return place(value);
				}
				case "supervising_body_id" -> {
					return body(node.asLong());
				}
				case "industry_code" -> {
					return value + " " + industry(value);
				}
				case "level_rule" -> {
					return rule(value);
				}
				case "major_hazard_level" -> {
					return text("enterprise.hazardLevel." + value, value);
				}
				default -> {
					return value;
				}
			}
		}

		private String place(String code) {
			if (places == null) {
				places = new HashMap<>();
			}
			return places.computeIfAbsent(code, c -> jurisdictions.namesOf(Set.of(c)).getOrDefault(c, c));
		}

		private String body(long id) {
			// a body above the caller's scope may be invisible to them: its number is all they learn
			return bodyNames.computeIfAbsent(id, i -> bodies.findById(i).map(EnforcementBody::name)
				.orElse(text("enterprise.history.bodyNumber", "#" + i, i)));
		}

		private String industry(String code) {
			if (industryNames == null) {
				industryNames = new HashMap<>();
				industries.all().forEach(d -> industryNames.put(d.code(), d.name()));
			}
			return industryNames.getOrDefault(code, "");
		}

		private String rule(String code) {
			if (rules == null) {
				rules = supervisionRules.ruleNames();
			}
			return rules.getOrDefault(code, code);
		}

		String text(String key, String fallback, Object... args) {
			return messages.getMessage(key, args, fallback, locale);
		}
	}
}
