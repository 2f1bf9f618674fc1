package org.anjian.penalty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.Hazards;
import org.anjian.inspection.InspectionCodeImage;
import org.anjian.inspection.Inspections;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Organization;
import org.anjian.penalty.PenaltyDocument.Kind;
import org.anjian.penalty.internal.CaseDocumentWriter;
import org.anjian.penalty.internal.CaseFileBinder;
import org.anjian.penalty.internal.DocumentAction;
import org.anjian.penalty.internal.DocumentNumbers;
import org.anjian.penalty.internal.DocumentPolicy;
import org.anjian.penalty.internal.EvidenceItems;
import org.anjian.penalty.internal.IssuedDocuments;
import org.anjian.penalty.internal.IssuedDocuments.Issued;
import org.anjian.penalty.internal.IssuedDocuments.Letterhead;
import org.anjian.penalty.internal.PenaltyCases;
import org.anjian.shared.Act;
import org.anjian.shared.ActorName;
import org.anjian.shared.ActorNames;
import org.anjian.shared.WorkingDays;
import org.anjian.shared.Allowance;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.security.ActGuard;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of penalty cases (issue 15, build item 6): A4 PDFs after the national forms, each with the QR code of
 * the inspection code where the case came from an inspection (none otherwise: an enterprise has no code of its own
 * yet), and their numbers (文号) per body, kind and year without gaps.
 *
 * <p>An act that issues a document calls {@link #issue} in its own transaction: the number is taken then, from the
 * body's counter for the kind and year locked for update, so that a rolled-back act gives it back; the same case and
 * kind keep their number. A document exists only once its act has happened ({@code DocumentPolicy}); asked for
 * earlier it is not found, with what has not happened yet. The caller's jurisdiction decides, in the database, which
 * cases' documents it reaches; the party reads only the documents served on it, of its own cases.
 */
@Service
public class PenaltyDocuments {

	private final PenaltyCases cases;
	private final IssuedDocuments issued;
	private final EvidenceItems evidence;
	private final DocumentNumbers numbers;
	private final PenaltyCatalogue catalogue;
	private final EnterpriseRegistry registry;
	private final Organization organization;
	private final Hazards hazards;
	private final Inspections inspections;
	private final ActorNames names;
	private final CurrentActor actors;
	private final AuditTrail audit;
	private final Clock clock;

	private final WorkingDays workingDays;

	PenaltyDocuments(PenaltyCases cases, IssuedDocuments issued, EvidenceItems evidence, DocumentNumbers numbers,
			PenaltyCatalogue catalogue, EnterpriseRegistry registry, Organization organization, Hazards hazards,
			Inspections inspections, ActorNames names, CurrentActor actors, AuditTrail audit, Clock clock,
			WorkingDays workingDays) {
		this.workingDays = workingDays;
		this.cases = cases;
		this.issued = issued;
		this.evidence = evidence;
		this.numbers = numbers;
		this.catalogue = catalogue;
		this.registry = registry;
		this.organization = organization;
		this.hazards = hazards;
		this.inspections = inspections;
		this.names = names;
		this.actors = actors;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Issues the case's document of that kind, in the transaction of the act that made it: takes its number unless the
	 * case has it already. The notice issues the hearing notice with it where the hearing right applies (行政处罚法第六
	 * 十四条). Returns the case, so that an act issues as it returns.
	 *
	 * @throws IllegalStateException for a kind no act issues, or before its act has happened; outside a transaction
	 *         (the act's: a number taken outside it would outlive an act that failed)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PenaltyCase issue(PenaltyCase c, Kind kind) {
		if (!kind.numbered()) {
			throw new IllegalArgumentException(kind + " carries the case's number, no act issues it");
		}
		Optional<Issued> present = issued.find(c.id(), kind);
		Allowance exists = DocumentPolicy.exists(c, kind, today(), present.isPresent());
		if (exists.refused()) {
			throw new IllegalStateException("case " + c.id() + ": " + exists.reason());
		}
		if (present.isEmpty()) {
			Letterhead letterhead = issued.letterhead(c.id()).orElseGet(() -> letterhead(c));
			int year = today().getYear();
			int sequence = issued.next(letterhead, kind, year);
			issued.add(c, kind, year, sequence, numbers.number(letterhead.shortName(), kind, year, sequence), letterhead,
					today(), actors.current().map(a -> a.username()).orElse("system"));
		}
		if (kind == Kind.NOTICE && c.hearingRight()) {
			issue(c, Kind.HEARING_NOTICE);
		}
		return c;
	}

	/** The number the case's document of that kind was issued with, if it was. */
	@Transactional(readOnly = true)
	public Optional<String> number(long caseId, Kind kind) {
		return issued.find(caseId, kind).map(Issued::number);
	}

	/**
	 * The case's documents that exist now, in the order of the procedure (the case file's order; the case file itself
	 * not among them), with their numbers: for pages to link to.
	 */
	@Transactional(readOnly = true)
	public List<PenaltyDocument> of(PenaltyCase c) {
		Map<Kind, Issued> done = issuedOf(c.id());
		String caseNumber = caseNumber(c, done);
		List<PenaltyDocument> found = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (kind == Kind.CASE_FILE) {
				continue;
			}
			if (kind == Kind.INQUIRY) {
				if (c.openedOn() != null) {
					evidence.of(c.id()).stream().filter(e -> e.kind() == Evidence.Kind.INQUIRY)
						.forEach(e -> found.add(new PenaltyDocument(c.id(), Kind.INQUIRY, e.id(), caseNumber, e.recordedOn())));
				}
				continue;
			}
			Issued doc = done.get(kind);
			if (doc != null) {
				found.add(new PenaltyDocument(c.id(), kind, null, doc.number(), doc.issuedOn()));
			}
		}
		return found;
	}

	/**
	 * A document of a case the caller reaches, for the staff. A payment reminder asked for after the deadline is issued
	 * then, by an officer who handles cases (its first print is its issue).
	 */
	@Transactional
	public byte[] pdf(long caseId, Kind kind, String baseUrl) {
		PenaltyCase c = penaltyCase(caseId);
		if (kind == Kind.INQUIRY) {
			throw new NotFoundException("询问笔录按证据打开：/penalty-cases/" + caseId + "/documents/inquiry/{证据编号}");
		}
		if (kind == Kind.CASE_FILE) {
			return caseFile(c, baseUrl);
		}
		return render(c, kind, baseUrl, true);
	}

	/** 询问笔录: one INQUIRY item of the case's evidence. */
	@Transactional(readOnly = true)
	public byte[] inquiry(long caseId, long evidenceId, String baseUrl) {
		PenaltyCase c = penaltyCase(caseId);
		Evidence record = evidence.of(c.id()).stream()
			.filter(e -> e.id() == evidenceId && e.kind() == Evidence.Kind.INQUIRY)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("案件 " + caseId + " 没有编号为 " + evidenceId + " 的询问笔录"));
		return CaseDocumentWriter.inquiry(record, sheet(c, issuedOf(c.id()), baseUrl));
	}

	/** A document served on the party, for the party's own user: its own cases only, the served documents only. */
	@Transactional(readOnly = true)
	public byte[] served(long caseId, Kind kind, String baseUrl) {
		PenaltyCase c = penaltyCase(caseId);
		if (!kind.served()) {
			throw new NotFoundException(kind.title() + "是执法机关的内部文书，不向当事人送达");
		}
		return render(c, kind, baseUrl, false);
	}

	private byte[] render(PenaltyCase c, Kind kind, String baseUrl, boolean mayIssue) {
		Optional<Issued> present = issued.find(c.id(), kind);
		requireExists(DocumentPolicy.exists(c, kind, today(), present.isPresent()));
		if (present.isEmpty()) {
			if (kind != Kind.PAYMENT_REMINDER || !mayIssue || !ActGuard.allows(Act.HANDLE_CASE)) {
				throw new NotFoundException(kind.title() + "尚未制发" + (kind == Kind.PAYMENT_REMINDER ? "（由承办人员制发）" : ""));
			}
			audit.describe(DocumentAction.ISSUE_PAYMENT_REMINDER);
			issue(c, kind);
		}
		return CaseDocumentWriter.write(kind, sheet(c, issuedOf(c.id()), baseUrl));
	}

	/** 案卷: the cover, the contents, every document of the case in the order of the procedure. */
	private byte[] caseFile(PenaltyCase c, String baseUrl) {
		Map<Kind, Issued> done = issuedOf(c.id());
		requireExists(DocumentPolicy.exists(c, Kind.CASE_FILE, today(), false));
		CaseDocumentWriter.Sheet sheet = sheet(c, done, baseUrl);
		List<CaseFileBinder.Part> parts = new ArrayList<>();
		for (PenaltyDocument document : of(c)) {
			byte[] pdf = document.kind() == Kind.INQUIRY
					? CaseDocumentWriter.inquiry(evidence.of(c.id()).stream().filter(e -> e.id() == document.evidenceId())
						.findFirst().orElseThrow(), sheet)
					: CaseDocumentWriter.write(document.kind(), sheet);
			parts.add(new CaseFileBinder.Part(document.title(), document.number(), pdf));
		}
		return CaseFileBinder.bind(sheet, parts);
	}

	private CaseDocumentWriter.Sheet sheet(PenaltyCase c, Map<Kind, Issued> done, String baseUrl) {
		Letterhead letterhead = done.values().stream().findFirst().map(Issued::letterhead).orElseGet(() -> letterhead(c));
		Set<String> people = new HashSet<>();
		people.add(c.filedBy());
		people.add(c.approvedBy());
		people.add(c.legalReviewer());
		people.add(c.decidedBy());
		people.addAll(c.investigators());
		evidence.of(c.id()).forEach(e -> people.add(e.recordedBy()));
		people.remove(null);
		Map<String, ActorName> known = names.of(people);
		return new CaseDocumentWriter.Sheet(c, catalogue.entry(c.entryId()), registry.file(c.uscc()), letterhead,
				caseNumber(c, done), done, username -> name(known, username), today(),
				letterhead.codeToken() == null ? null : InspectionCodeImage.pageUrl(baseUrl, letterhead.codeToken()),
				workingDays);
	}

	private static String name(Map<String, ActorName> known, String username) {
		if (username == null) {
			return "";
		}
		ActorName name = known.get(username);
		return name == null ? username : name.name();
	}

	/** The case's number: its 立案审批表's. */
	private static String caseNumber(PenaltyCase c, Map<Kind, Issued> done) {
		Issued filing = done.get(Kind.FILING_APPROVAL);
		return filing == null ? "处罚案件第" + c.id() + "号" : filing.number();
	}

	private Map<Kind, Issued> issuedOf(long caseId) {
		Map<Kind, Issued> done = new EnumMap<>(Kind.class);
		issued.of(caseId).forEach(doc -> done.put(doc.kind(), doc));
		return done;
	}

	/**
	 * The letterhead of a case's first document: the body that handles it, and the inspection code of the inspection
	 * it came from, if any (a case from a hazard an inspection found: {@code Hazard.taskId()}).
	 */
	private Letterhead letterhead(PenaltyCase c) {
		EnforcementBody body = organization.body(c.bodyId());
		return new Letterhead(body.id(), body.name(), body.districtCode(), body.streetCode(), numbers.shortName(body),
				codeToken(c));
	}

	private String codeToken(PenaltyCase c) {
		if (c.originId() == null || (c.origin() != CaseOrigin.INSPECTION && c.origin() != CaseOrigin.HAZARD)) {
			return null;
		}
		Long taskId = hazards.findById(c.originId()).map(h -> h.taskId()).orElse(null);
		if (taskId == null) {
			return null;
		}
		try {
			return inspections.particulars(taskId).codeToken();
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private PenaltyCase penaltyCase(long id) {
		return cases.findById(id).orElseThrow(() -> new NotFoundException("案件 " + id + " 不存在或不在您的管辖范围内"));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/** A document asked for before its act: not found, saying what has not happened yet. */
	private static void requireExists(Allowance exists) {
		if (exists.refused()) {
			throw new NotFoundException(exists.reason());
		}
	}
}
