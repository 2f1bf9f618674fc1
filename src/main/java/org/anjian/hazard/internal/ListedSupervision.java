package org.anjian.hazard.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.HazardStatus;
import org.anjian.hazard.internal.HazardListing.ProgressReport;
import org.anjian.hazard.internal.HazardListing.Responsible;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Allowance;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.database.PagedQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official acts of listed supervision (挂牌督办): an officer lists a major hazard by a level, with its responsible
 * person, required day and reason; officers and the enterprise's own user report progress while it is listed; an
 * officer delists it once the hazard is verified closed. Each act runs in one transaction on the version the caller
 * saw, under its name in the audit trail, as the logged-in user (who is recorded).
 */
@Service
public class ListedSupervision {

	private final HazardListings listings;
	private final HazardRectification rectification;
	private final ListingPolicy listingPolicy;
	private final DelistingPolicy delistingPolicy;
	private final CurrentActor actors;
	private final EnterpriseRegistry registry;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final OfficialActs acts;
	private final HazardAuthority authority;
	private final Clock clock;

	ListedSupervision(HazardListings listings, HazardRectification rectification, ListingPolicy listingPolicy,
			DelistingPolicy delistingPolicy, CurrentActor actors, EnterpriseRegistry registry, JdbcClient jdbc,
			AuditTrail audit, OfficialActs acts, HazardAuthority authority, Clock clock) {
		this.authority = authority;
		this.listings = listings;
		this.rectification = rectification;
		this.listingPolicy = listingPolicy;
		this.delistingPolicy = delistingPolicy;
		this.actors = actors;
		this.registry = registry;
		this.jdbc = jdbc;
		this.audit = audit;
		this.acts = acts;
		this.clock = clock;
	}

	/** What an officer fills in to list a hazard. */
	public record ListingOrder(ListingLevel level, Responsible responsible, LocalDate dueOn, String reason) {
	}

	/** A line of the list of listed hazards: the listing, its hazard and enterprise, and the latest progress. */
	public record Supervised(HazardListing listing, String enterpriseName, String hazardDescription,
			HazardStatus hazardStatus, String latestProgress, boolean overdue) {
	}

	public HazardListing listing(long id) {
		return listings.findById(id).orElseThrow(() -> new NotFoundException("挂牌督办 " + id + " 不存在或不在您的管辖范围内"));
	}

	/** The hazard's active listing, else its latest one, if it was ever listed. */
	public Optional<HazardListing> ofHazard(long hazardId) {
		return listings.findByHazard(hazardId).stream().findFirst();
	}

	public List<ProgressReport> progress(long listingId) {
		return jdbc.sql("""
				select id, listing_id, reported_on, text, reported_by, by_enterprise, recorded_at
				from hazard_progress where listing_id = :listing order by reported_on, id""")
			.param("listing", listingId)
			.query((rs, n) -> new ProgressReport(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/**
	 * A page of the listings within the caller's jurisdiction, active first and by required day; a status narrows
	 * them. Counted up to its cap; the index on (status, due_on) keeps a status's order.
	 */
	@Transactional(readOnly = true)
	public ResultPage<Supervised> supervised(ListingStatus status, Integer page) {
		LocalDate today = today();
		String from = " from hazard_listing l" + (status == null ? "" : " where l.status = '" + status.name() + "'");
		ResultPage<Long> ids = PagedQuery.page(jdbc, "select l.id", from, "order by (l.status <> 'LISTED'), l.due_on, l.id",
				Map.of(), (rs, n) -> rs.getLong(1), page, ResultPage.DEFAULT_SIZE);
		if (ids.isEmpty()) {
			return ids.withItems(List.of());
		}
		Map<Long, HazardListing> found = new HashMap<>();
		listings.findAllById(ids.items()).forEach(l -> found.put(l.id(), l));
		record Facts(String description, HazardStatus status, String latest) {
		}
		Map<Long, Facts> facts = new HashMap<>();
		jdbc.sql("""
				select l.id, h.description, h.status,
				       (select p.text from hazard_progress p where p.listing_id = l.id order by p.reported_on desc, p.id desc limit 1)
				from hazard_listing l join hazard h on h.id = l.hazard_id
				where l.id = any(:ids)""")
			.param("ids", ids.items().toArray(Long[]::new))
			.query(rs -> {
				facts.put(rs.getLong(1), new Facts(rs.getString(2), HazardStatus.valueOf(rs.getString(3)), rs.getString(4)));
			});
		Map<String, String> names = registry.names(found.values().stream().map(HazardListing::uscc).toList());
		return ids.withItems(ids.items().stream()
			.filter(id -> found.containsKey(id) && facts.containsKey(id))
			.map(id -> {
				HazardListing l = found.get(id);
				Facts f = facts.get(id);
				return new Supervised(l, names.getOrDefault(l.uscc(), l.uscc()), f.description(), f.status(), f.latest(),
						l.overdueOn(today));
			})
			.toList());
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** 挂牌督办 by an officer, at a level no higher than the officer's own jurisdiction ({@link ListingPolicy}). */
	@Authorized(Act.LIST_HAZARD)
	@Transactional
	public HazardListing list(long hazardId, ListingOrder order) {
		audit.describe(HazardAction.LIST_FOR_SUPERVISION);
		Actor officer = officer();
		Hazard hazard = rectification.hazard(hazardId);
		authority.requireActing(hazard);
		Allowance allowance = listingPolicy.check(hazard, listings.findActive(hazardId).isPresent(), order.level(),
				officer.scope().level());
		return listings.save(HazardListing.list(hazard, allowance, order.level(), order.responsible(), order.dueOn(),
				order.reason(), officer.username(), clock.instant(), today()));
	}

	/** 整改进展, by an officer or by the enterprise's own user (row security lets it reach only its own listings). */
	@Authorized(Act.REPORT_LISTING_PROGRESS)
	@Transactional
	public ProgressReport reportProgress(long listingId, LocalDate on, String text, Integer version) {
		Actor actor = actor();
		if (!actor.isEnterprise()) {
			authority.requireActing(rectification.hazard(listing(listingId).hazardId()));
		}
		Instant now = clock.instant();
		AtomicReference<ProgressReport> made = new AtomicReference<>();
		HazardListing listing = acts.perform(HazardAction.REPORT_PROGRESS, listing(listingId), version,
				l -> made.set(l.reportProgress(on, text, actor.username(), actor.isEnterprise(), today(), now)),
				listings::save);
		ProgressReport report = made.get();
		long id = jdbc.sql("""
				insert into hazard_progress (district_code, street_code, listing_id, uscc, reported_on, text, reported_by,
				                             by_enterprise, recorded_at)
				values (:district, :street, :listing, :uscc, :on, :text, :by, :byEnterprise, :at) returning id""")
			.param("district", listing.districtCode()).param("street", listing.streetCode()).param("listing", listing.id())
			.param("uscc", listing.uscc()).param("on", report.reportedOn()).param("text", report.text())
			.param("by", report.reportedBy()).param("byEnterprise", report.byEnterprise())
			.param("at", java.sql.Timestamp.from(now))
			.query(Long.class).single();
		return new ProgressReport(id, listing.id(), report.reportedOn(), report.text(), report.reportedBy(),
				report.byEnterprise(), now);
	}

	/** 摘牌 by an officer: refused until the hazard is verified closed ({@link DelistingPolicy}). */
	@Authorized(Act.LIST_HAZARD)
	@Transactional
	public HazardListing delist(long listingId, Integer version) {
		Actor officer = officer();
		authority.requireActing(rectification.hazard(listing(listingId).hazardId()));
		return acts.perform(HazardAction.DELIST, listing(listingId), version,
				l -> l.delist(delistingPolicy.check(rectification.hazard(l.hazardId())), officer.username(), clock.instant()),
				listings::save);
	}

	private Actor actor() {
		return actors.current().orElseThrow(() -> new AccessDeniedException("请先登录"));
	}

	/** Listing and delisting are officers' acts, never an enterprise's. */
	private Actor officer() {
		Actor actor = actor();
		if (actor.isEnterprise()) {
			throw new AccessDeniedException("只有执法人员可以挂牌督办或摘牌");
		}
		return actor;
	}
}
