package org.anjian.planning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.planning.PlanStatus;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.database.PagedQuery;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public side of the draws (双随机、一公开): a draw of a published plan, with everything needed to recompute
 * it — seed, algorithm, the hashes of its frozen inputs and the inputs themselves, each stratum's size and quota —
 * and its result: the drawn enterprises (name and credit code), and the officers' teams of each month drawn from
 * the same seed and pool (names and badge numbers), all public by nature. Draws of plans not yet published are not shown. Read as the system, since the public has no
 * jurisdiction; must be called outside a transaction.
 */
@Service
public class PublicDraws {

	private final JdbcClient jdbc;

	PublicDraws(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stratum: its code (a street's, or a district's for enterprises without a street), its place's name. */
	public record Stratum(String stratum, String place, int size, int taken) {
	}

	public record Drawn(String uscc, String name, String stratum, String place, String ticket) {
	}

	/** A team of a month: the lead inspector first. */
	public record Team(int month, String leadBadge, String leadName, String secondBadge, String secondName) {
	}

	public record PublicDraw(long id, int year, String bodyName, String purpose, String algorithm, String seed,
			Instant seedRecordedAt, Instant drawnAt, String candidatesSha256, String officersSha256,
			int officersPerInspection, int candidateCount, int officerCount, List<Stratum> strata, List<Drawn> drawn,
			List<Team> teams) {
	}

	/**
	 * A plan's commitment to its seed: the SHA-256 of the seed, public from the moment the draft is opened, before
	 * any candidate list is drawn up; the seed itself is shown only with the published draws, where anyone can
	 * check that it hashes to what was committed.
	 */
	public record Commitment(String bodyName, int year, String status, String seedSha256, Instant recordedAt) {
	}

	/** A page of the commitments, the latest first: one for every annual plan of every body, year after year. */
	public ResultPage<Commitment> commitments(Integer page) {
		return SystemScope.call("public-commitments", () -> PagedQuery.page(jdbc,
				"""
				select b.name as body_name, p.year, p.status, encode(sha256(convert_to(p.seed, 'UTF8')), 'hex') as seed_sha256,
				       p.seed_recorded_at""",
				" from annual_plan p join body_directory b on b.id = p.body_id", "order by p.seed_recorded_at desc, p.id desc",
				Map.of(), (rs, n) -> new Commitment(rs.getString("body_name"), rs.getInt("year"),
						PlanStatus.valueOf(rs.getString("status")).label(), rs.getString("seed_sha256"),
						rs.getTimestamp("seed_recorded_at").toInstant()),
				page, ResultPage.DEFAULT_SIZE));
	}

	public PublicDraw draw(long id) {
		return SystemScope.call("public-draw", () -> {
			PublicDraw draw = jdbc.sql("""
					select d.id, p.year, b.name as body_name, d.purpose, d.algorithm, d.seed, d.seed_recorded_at, d.drawn_at,
					       d.candidates_sha256, d.officers_sha256, d.officers_per_inspection,
					       (select count(*) from regexp_matches(d.candidates, E'\\n', 'g')) as candidate_count,
					       (select count(*) from regexp_matches(d.officers, E'\\n', 'g')) as officer_count
					from plan_draw d join annual_plan p on p.id = d.plan_id join body_directory b on b.id = p.body_id
					where d.id = :id and p.status = 'PUBLISHED'""")
				.param("id", id)
				.query((rs, n) -> new PublicDraw(rs.getLong("id"), rs.getInt("year"), rs.getString("body_name"),
						purpose(rs.getString("purpose")), rs.getString("algorithm"), rs.getString("seed"),
						rs.getTimestamp("seed_recorded_at").toInstant(), rs.getTimestamp("drawn_at").toInstant(),
						rs.getString("candidates_sha256"), rs.getString("officers_sha256"),
						rs.getInt("officers_per_inspection"), rs.getInt("candidate_count"), rs.getInt("officer_count"),
						strata(id), List.of(), List.of()))
				.optional()
				.orElseThrow(() -> new NotFoundException("抽取记录 " + id + " 不存在或所属计划尚未发布"));
			List<Drawn> drawn = jdbc.sql("""
					select r.uscc, e.name, r.stratum, j.name as place, r.ticket from plan_draw_result r
					left join enterprise_register e on e.uscc = r.uscc
					left join jurisdiction_directory j on j.code = r.stratum
					where r.draw_id = :id order by r.stratum, r.ticket""")
				.param("id", id)
				.query((rs, n) -> new Drawn(rs.getString("uscc"), rs.getString("name"), rs.getString("stratum"),
						rs.getString("place"), rs.getString("ticket")))
				.list();
			String pool = frozenText(id, "officers");
			Map<String, String> names = new HashMap<>();
			jdbc.sql("select badge_number, name from officer_directory where badge_number = any(:badges)")
				.param("badges", DrawAlgorithm.pool(pool).stream()
					.map(DrawAlgorithm.PoolMember::badge).toArray(String[]::new))
				.query(rs -> {
					names.put(rs.getString(1), rs.getString(2));
				});
			List<Team> teams = teams(draw.seed(), pool).stream()
				.map(t -> new Team(t.month(), t.lead().badge(), names.get(t.lead().badge()), t.second().badge(),
						names.get(t.second().badge())))
				.toList();
			return new PublicDraw(draw.id(), draw.year(), draw.bodyName(), draw.purpose(), draw.algorithm(), draw.seed(),
					draw.seedRecordedAt(), draw.drawnAt(), draw.candidatesSha256(), draw.officersSha256(),
					draw.officersPerInspection(), draw.candidateCount(), draw.officerCount(), draw.strata(), drawn, teams);
		});
	}

	/** The frozen candidate list of a published draw, byte for byte what was hashed. */
	public String candidates(long id) {
		return frozen(id, "candidates");
	}

	/** The frozen officer pool of a published draw, byte for byte what was hashed. */
	public String officers(long id) {
		return frozen(id, "officers");
	}

	/** The teams of each month of a published draw, one line each: {@code <month>,<lead badge>,<second badge>\n}. */
	public String teamsCsv(long id) {
		String seed = frozen(id, "seed");
		StringBuilder text = new StringBuilder();
		teams(seed, frozen(id, "officers")).forEach(t -> text.append(t.month()).append(',').append(t.lead().badge())
			.append(',').append(t.second().badge()).append('\n'));
		return text.toString();
	}

	/** The teams drawn from a frozen pool, as the schedule draws them. */
	public static List<TeamRoster.Team> teams(String seed, String officerText) {
		List<DrawAlgorithm.PoolMember> pool = DrawAlgorithm.pool(officerText);
		List<ScheduleProblem.Inspector> inspectors = new ArrayList<>();
		for (int i = 0; i < pool.size(); i++) {
			inspectors.add(new ScheduleProblem.Inspector(i, pool.get(i).badge(), pool.get(i).lead(), Set.of()));
		}
		return TeamRoster.teams(seed, inspectors).stream().flatMap(List::stream).toList();
	}

	private String frozenText(long id, String column) {
		return jdbc.sql("select " + column + " from plan_draw where id = :id").param("id", id).query(String.class).single();
	}

	private String frozen(long id, String column) {
		return SystemScope.call("public-draw", () -> jdbc.sql("select d." + column
				+ " from plan_draw d join annual_plan p on p.id = d.plan_id where d.id = :id and p.status = 'PUBLISHED'")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("抽取记录 " + id + " 不存在或所属计划尚未发布")));
	}

	/** The purpose of a draw as the public reads it: the grade's treatment it drew for, or the general draw. */
	static String purpose(String code) {
		for (GradeTreatmentPolicy.Treatment treatment : GradeTreatmentPolicy.Treatment.values()) {
			if (code.equals(treatment.drawPurpose())) {
				return treatment.purpose();
			}
		}
		return "双随机一般检查";
	}

	/** The strata in the draw's order, each with its place's name (the street or town; the district without one). */
	private List<Stratum> strata(long id) {
		return jdbc.sql("""
				select s->>'stratum', j.name, (s->>'size')::int, (s->>'taken')::int
				from plan_draw d cross join jsonb_array_elements(d.strata) with ordinality as t(s, i)
				left join jurisdiction_directory j on j.code = s->>'stratum'
				where d.id = :id order by t.i""")
			.param("id", id)
			.query((rs, n) -> new Stratum(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

}
