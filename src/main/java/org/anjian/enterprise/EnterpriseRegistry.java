package org.anjian.enterprise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.enterprise.internal.EnterpriseAction;
import org.anjian.enterprise.internal.EnterpriseColumns;
import org.anjian.enterprise.internal.EnterpriseQuery;
import org.anjian.enterprise.internal.EnterpriseSearch;
import org.anjian.enterprise.internal.Enterprises;
import org.anjian.enterprise.internal.IndustryDivisions;
import org.anjian.enterprise.internal.SupervisionPolicy;
import org.anjian.enterprise.internal.SupervisionRules;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidRowsException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.Uscc;
import org.anjian.shared.work.Progress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official acts on enterprise files: registering, correcting, overriding the supervision level with a
 * reason, the enterprise's own contact update, suspending, resuming, deregistering. Each runs in one transaction
 * and is recorded in the audit trail under its name; the caller reaches only files of their jurisdiction.
 */
@Service
public class EnterpriseRegistry {

	/** Existing files are looked up this many codes at a time, well below PostgreSQL's limit on parameters. */
	private static final int IMPORT_CHUNK = 1_000;

	private final Enterprises enterprises;
	private final SupervisionRules rules;
	private final EnforcementBodies bodies;
	private final Jurisdictions jurisdictions;
	private final IndustryDivisions industries;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final OfficialActs acts;
	private final CurrentActor actor;
	private final ApplicationEventPublisher events;
	private final EnterpriseSearch search;

	EnterpriseRegistry(Enterprises enterprises, SupervisionRules rules, EnforcementBodies bodies,
			Jurisdictions jurisdictions, IndustryDivisions industries, JdbcClient jdbc, AuditTrail audit,
			OfficialActs acts, CurrentActor actor, ApplicationEventPublisher events, EnterpriseSearch search) {
		this.enterprises = enterprises;
		this.rules = rules;
		this.bodies = bodies;
		this.jurisdictions = jurisdictions;
		this.industries = industries;
		this.jdbc = jdbc;
		this.audit = audit;
		this.acts = acts;
		this.actor = actor;
		this.events = events;
		this.search = search;
	}

	/** The file of a credit code: 400 for a malformed code, 404 if no such file is within reach. */
	public Enterprise file(String uscc) {
		String code = Uscc.of(uscc).value();
		return enterprises.findById(code)
			.orElseThrow(() -> new NotFoundException("统一社会信用代码 " + code + " 的企业不存在或不在您的管辖范围内"));
	}

	/** The names of the files of these codes that are within reach, by code, in one query (for lists of tasks, hazards…). */
	public Map<String, String> names(Collection<String> usccs) {
		Map<String, String> names = new HashMap<>();
		if (!usccs.isEmpty()) {
			jdbc.sql("select uscc, name from enterprise where uscc = any(:codes)")
				.param("codes", usccs.stream().distinct().toArray(String[]::new))
				.query(rs -> {
					names.put(rs.getString(1), rs.getString(2));
				});
		}
		return names;
	}

	/**
	 * The files whose name contains the words typed, or whose credit code starts with them, within reach: code and name
	 * in the search's order, at most {@code limit} (for pickers such as linking a user to its enterprise).
	 */
	public Map<String, String> matching(String typed, int limit) {
		Map<String, String> found = new java.util.LinkedHashMap<>();
		if (typed == null || typed.isBlank()) {
			return found;
		}
		String q = typed.strip();
		search.search(new EnterpriseQuery(q.length() > 50 ? q.substring(0, 50) : q, null, null, null, null, null, null,
				null, 0, Math.max(1, Math.min(limit, 50))))
			.rows().forEach(row -> found.put(row.uscc(), row.name()));
		return found;
	}

	/**
	 * The codes of the files within reach whose name contains the fragment, in code order, at most {@code limit}: for
	 * another module's list filtered by an enterprise's name (the grams index finds them among a million).
	 */
	public List<String> codesNamed(String fragment, int limit) {
		return fragment == null || fragment.isBlank() ? List.of() : search.codesNamed(fragment.strip(), limit);
	}

	@Authorized(Act.REGISTER_ENTERPRISE)
	@Transactional
	public Enterprise register(EnterpriseDetails details) {
		refuseEnterpriseUsers();
		audit.describe(EnterpriseAction.REGISTER);
		Enterprise enterprise = Enterprise.register(details);
		refuseOutsideJurisdiction(enterprise);
		checkReferences(enterprise);
		if (enterprises.existsById(enterprise.uscc())) {
			throw new InvalidInputException("uscc", "统一社会信用代码 " + enterprise.uscc() + " 已登记，请修改已有档案");
		}
		superviseByRule(enterprise);
		Enterprise saved = enterprises.save(enterprise);
		events.publishEvent(changed(saved));
		return saved;
	}

	@Authorized(Act.CHANGE_ENTERPRISE)
	@Transactional
	public Enterprise update(String uscc, EnterpriseDetails details) {
		refuseEnterpriseUsers();
		return acts.perform(EnterpriseAction.UPDATE, file(uscc), details.version(), enterprise -> {
			if (details.uscc() != null && !details.uscc().isBlank()
					&& !Uscc.of(details.uscc()).value().equals(enterprise.uscc())) {
				throw new InvalidInputException("uscc", "统一社会信用代码不可修改");
			}
			enterprise.describe(details);
			refuseOutsideJurisdiction(enterprise);
			checkReferences(enterprise);
			if (!enterprise.supervisionOverridden()) {
				superviseByRule(enterprise);
			}
		}, enterprises::save, EnterpriseRegistry::changed);
	}

	/** A row of an import: its line in the file and what it says. */
	public record ImportRow(long line, EnterpriseDetails details) {
	}

	/** What an import did with a row: opened a new file, corrected an existing one, or found nothing to change. */
	public enum ImportOutcome {
		CREATED, UPDATED, UNCHANGED
	}

	/**
	 * Imports checked rows in one transaction: a new credit code opens a file (supervision by the rules), a known
	 * one corrects that file (keeping an officer's supervision decision), an identical one is left alone. Each
	 * written row is recorded in the audit trail by the database, under enterprise.importRegister or
	 * enterprise.importUpdate. A row that still breaks a rule here rolls everything back and is reported with its
	 * line. Rules, the city key list, existing files and bodies are read once for the batch, not per row.
	 */
	@Transactional
	public List<ImportOutcome> importAll(List<ImportRow> rows) {
		return importAll(rows, Progress.NONE);
	}

	/** The same, telling {@code written} how many of the files to write are written, chunk by chunk. */
	@Transactional
	public List<ImportOutcome> importAll(List<ImportRow> rows, Progress written) {
		refuseEnterpriseUsers();
		List<String> codes = rows.stream().map(r -> Uscc.of(r.details().uscc()).value()).toList();
		Map<String, Enterprise> existing = new HashMap<>();
		for (int from = 0; from < codes.size(); from += IMPORT_CHUNK) {
			enterprises.findAllById(codes.subList(from, Math.min(codes.size(), from + IMPORT_CHUNK)))
				.forEach(e -> existing.put(e.uscc(), e));
		}
		SupervisionPolicy policy = rules.policy();
		Set<String> onCityKeyList = rules.onCityKeyList(codes);
		Map<String, EnforcementBody> bodyCache = new HashMap<>();
		List<ImportOutcome> outcomes = new ArrayList<>(rows.size());
		List<Enterprise> created = new ArrayList<>();
		List<Enterprise> updated = new ArrayList<>();
		List<InvalidRowsException.RowProblem> problems = new ArrayList<>();
		for (ImportRow row : rows) {
			try {
				Enterprise enterprise = existing.get(Uscc.of(row.details().uscc()).value());
				List<Object> before = enterprise == null ? null : enterprise.state();
				if (enterprise == null) {
					enterprise = Enterprise.register(row.details());
				}
				else {
					enterprise.describe(row.details());
				}
				refuseOutsideJurisdiction(enterprise);
				if (!enterprise.supervisionOverridden()) {
					superviseByRule(enterprise, policy.decide(enterprise, onCityKeyList.contains(enterprise.uscc())),
							code -> bodyCache.computeIfAbsent(code, c -> bodies.findByJurisdictionCode(c).orElse(null)));
				}
				ImportOutcome outcome = before == null ? ImportOutcome.CREATED
						: before.equals(enterprise.state()) ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED;
				outcomes.add(outcome);
				if (outcome == ImportOutcome.CREATED) {
					created.add(enterprise);
				}
				else if (outcome == ImportOutcome.UPDATED) {
					updated.add(enterprise);
				}
			}
			catch (InvalidInputException e) {
				problems.add(new InvalidRowsException.RowProblem(row.line(), EnterpriseColumns.headerOf(e.field()), e.getMessage()));
				outcomes.add(null);
			}
			catch (AccessDeniedException e) {
				problems.add(new InvalidRowsException.RowProblem(row.line(), "区", e.getMessage()));
				outcomes.add(null);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRowsException(problems);
		}
		int writing = created.size() + updated.size();
		if (!created.isEmpty()) {
			audit.describe(EnterpriseAction.IMPORT_REGISTER);
			saveInChunks(created, 0, writing, written);
		}
		if (!updated.isEmpty()) {
			audit.describe(EnterpriseAction.IMPORT_UPDATE);
			saveInChunks(updated, created.size(), writing, written);
		}
		if (!created.isEmpty() || !updated.isEmpty()) {
			Set<String> changed = new HashSet<>();
			created.forEach(e -> changed.add(e.uscc()));
			updated.forEach(e -> changed.add(e.uscc()));
			events.publishEvent(new EnterpriseFilesChanged(changed));
		}
		return outcomes;
	}

	private void saveInChunks(List<Enterprise> files, int before, int writing, Progress written) {
		for (int from = 0; from < files.size(); from += IMPORT_CHUNK) {
			List<Enterprise> chunk = files.subList(from, Math.min(files.size(), from + IMPORT_CHUNK));
			enterprises.saveAll(chunk);
			written.step(before + from + chunk.size(), writing);
		}
	}

	/** An officer decides that another level supervises this enterprise; without a level, the rules decide again. */
	@Authorized(Act.CHANGE_SUPERVISION_LEVEL)
	@Transactional
	public Enterprise overrideSupervision(String uscc, JurisdictionLevel level, String reason, Integer version) {
		refuseEnterpriseUsers();
		EnterpriseAction action = level == null ? EnterpriseAction.RESTORE_RULE_LEVEL : EnterpriseAction.OVERRIDE_LEVEL;
		return acts.perform(action, file(uscc), version, enterprise -> {
			if (level == null) {
				superviseByRule(enterprise);
			}
			else {
				enterprise.overrideSupervision(level, bodyFor(enterprise, level).id(), reason);
			}
		}, enterprises::save);
	}

	/** The enterprise's safety manager keeps their own contact current; officers may correct it too. */
	@Authorized(Act.CHANGE_CONTACT)
	@Transactional
	public Enterprise updateContact(String uscc, String safetyManager, String phone, Integer version) {
		return acts.perform(EnterpriseAction.UPDATE_CONTACT, file(uscc), version,
				enterprise -> enterprise.updateContact(safetyManager, phone), enterprises::save);
	}

	@Authorized(Act.SUSPEND_ENTERPRISE)
	@Transactional
	public Enterprise suspend(String uscc) {
		return act(uscc, EnterpriseAction.SUSPEND, Enterprise::suspend);
	}

	@Authorized(Act.RESUME_ENTERPRISE)
	@Transactional
	public Enterprise resume(String uscc) {
		return act(uscc, EnterpriseAction.RESUME, Enterprise::resume);
	}

	@Authorized(Act.DEREGISTER_ENTERPRISE)
	@Transactional
	public Enterprise deregister(String uscc) {
		return act(uscc, EnterpriseAction.DEREGISTER, Enterprise::deregister);
	}

	/** A change of operating status, on whatever version the file has (the state itself guards the act). */
	private Enterprise act(String uscc, EnterpriseAction action, Consumer<Enterprise> act) {
		refuseEnterpriseUsers();
		return acts.perform(action, file(uscc), null, act, enterprises::save, EnterpriseRegistry::changed);
	}

	/** What other modules derive from a file (its grade, for one) is due again. */
	private static EnterpriseFilesChanged changed(Enterprise saved) {
		return new EnterpriseFilesChanged(Set.of(saved.uscc()));
	}

	private void superviseByRule(Enterprise enterprise) {
		SupervisionPolicy.Decision decision = rules.policy().decide(enterprise, rules.onCityKeyList(enterprise.uscc()));
		superviseByRule(enterprise, decision, code -> bodies.findByJurisdictionCode(code).orElse(null));
	}

	private static void superviseByRule(Enterprise enterprise, SupervisionPolicy.Decision decision,
			Function<String, EnforcementBody> bodyOf) {
		JurisdictionLevel level = decision.level();
		if (level == JurisdictionLevel.STREET && enterprise.streetCode() == null) {
			level = JurisdictionLevel.DISTRICT; // without a known street, its district supervises it
		}
		enterprise.superviseByRule(level, bodyFor(enterprise, level, bodyOf).id(), decision.rule());
	}

	private EnforcementBody bodyFor(Enterprise enterprise, JurisdictionLevel level) {
		return bodyFor(enterprise, level, code -> bodies.findByJurisdictionCode(code).orElse(null));
	}

	private static EnforcementBody bodyFor(Enterprise enterprise, JurisdictionLevel level,
			Function<String, EnforcementBody> bodyOf) {
		String jurisdiction = switch (level) {
			case CITY -> "310000";
			case DISTRICT -> enterprise.districtCode();
			case STREET -> enterprise.streetCode();
		};
		if (jurisdiction == null) {
			throw new InvalidInputException("streetCode", "由街镇监管的企业须填写所在街镇");
		}
		EnforcementBody body = bodyOf.apply(jurisdiction);
		if (body == null) {
			throw new InvalidInputException("supervisionLevel", "找不到 " + jurisdiction + " 的执法主体");
		}
		return body;
	}

	private void checkReferences(Enterprise enterprise) {
		if (jurisdictions.findById(enterprise.districtCode()).isEmpty()) {
			throw new InvalidInputException("districtCode", "区划代码 " + enterprise.districtCode() + " 不是上海市的区");
		}
		if (enterprise.streetCode() != null && jurisdictions.findById(enterprise.streetCode()).isEmpty()) {
			throw new InvalidInputException("streetCode", "街镇代码 " + enterprise.streetCode() + " 不在参考数据中");
		}
		if (enterprise.industryCode() != null && !industries.exists(enterprise.industryCode())) {
			throw new InvalidInputException("industryCode", "行业代码 " + enterprise.industryCode() + " 不是 GB/T 4754-2017 的行业大类");
		}
	}

	/**
	 * An officer keeps files only of their own jurisdiction. The database would refuse the row anyway; saying so
	 * first gives the reason instead of a failure further on (the supervising body there is not visible either).
	 */
	private void refuseOutsideJurisdiction(Enterprise enterprise) {
		actor.current().ifPresent(a -> {
			if (!a.scope().covers(enterprise.districtCode(), enterprise.streetCode())) {
				throw new AccessDeniedException("企业所在地（" + (enterprise.streetCode() != null ? enterprise.streetCode()
						: enterprise.districtCode()) + "）不在您的管辖范围内，不能在此登记或迁入");
			}
		});
	}

	private void refuseEnterpriseUsers() {
		if (actor.current().map(a -> a.isEnterprise()).orElse(false)) {
			throw new AccessDeniedException("企业用户只能修改安全管理负责人及其联系电话");
		}
	}
}
