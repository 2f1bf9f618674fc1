package org.anjian.enterprise.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.StandardizationGrade;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.SectorSubtype;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.internal.EnterpriseColumns.Column;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.JurisdictionLevel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filtered list of enterprises as an .xlsx workbook, in the columns an import reads, so that an export edited
 * and imported again corrects the same files. Rows stream from a database cursor into the workbook, which is
 * flushed as it goes, so memory stays flat; at most {@value #MAX_ROWS} rows, and a second sheet says so when the
 * list was longer. Row-level security keeps it within the caller's jurisdiction.
 */
@Service
public class EnterpriseExport {

	public static final int MAX_ROWS = 200_000;

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final EnterpriseSearch search;
	private final Clock clock;

	EnterpriseExport(JdbcClient jdbc, Jurisdictions jurisdictions, EnterpriseSearch search, Clock clock) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.search = search;
		this.clock = clock;
	}

	/** How many rows the export of this query holds, and whether the list was longer than the cap. */
	public record Extent(long rows, boolean capped) {
	}

	@Transactional(readOnly = true)
	public Extent extent(EnterpriseQuery query) {
		EnterpriseSearch.Where where = search.where(query);
		JdbcClient.StatementSpec count = jdbc.sql("select count(*) from (select 1 from enterprise" + where
				+ " limit " + (MAX_ROWS + 1) + ") t");
		where.bind(count);
		long n = count.query(Long.class).single();
		return new Extent(Math.min(n, MAX_ROWS), n > MAX_ROWS);
	}

	/** Writes the workbook; a read-only transaction lets PostgreSQL hand the rows over a cursor, in batches. */
	@Authorized(Act.EXPORT_ENTERPRISES)
	@Transactional(readOnly = true)
	public long write(EnterpriseQuery query, OutputStream out) {
		EnterpriseSearch.Where where = search.where(query);
		EnterpriseColumns.Places places = EnterpriseColumns.Places.of(jurisdictions);
		Column[] columns = Column.values();
		Workbook workbook = new Workbook(out, "Anjian", "1.0");
		Worksheet sheet = workbook.newWorksheet("企业名录");
		for (int c = 0; c < columns.length; c++) {
			sheet.value(0, c, columns[c].header);
			sheet.style(0, c).bold().fillColor("DDEBF7").set();
			sheet.width(c, width(columns[c]));
		}
		sheet.freezePane(0, 1);
		long[] written = { 0 };
		JdbcClient.StatementSpec rows = jdbc.sql("select * from enterprise" + where + " order by uscc limit " + MAX_ROWS)
			.withFetchSize(1_000);
		where.bind(rows);
		rows.query((ResultSet rs) -> {
			int r = (int) ++written[0];
			List<Object> cells = cells(rs, places);
			for (int c = 0; c < cells.size(); c++) {
				Object v = cells.get(c);
				if (v instanceof Number n) {
					sheet.value(r, c, n);
				}
				else if (v != null) {
					sheet.inlineString(r, c, v.toString()); // not the shared-strings table, which stays in memory to the end
				}
			}
			if (r % 1_000 == 0) {
				flush(sheet);
			}
		});
		try {
			sheet.finish();
			Worksheet about = workbook.newWorksheet("说明");
			about.value(0, 0, "导出时间");
			about.value(0, 1, LocalDateTime.now(clock).format(STAMP));
			about.value(1, 0, "筛选条件");
			String described = described(query);
			about.value(1, 1, described.isEmpty() ? "无（管辖范围内全部企业）" : described);
			about.value(2, 0, "导出行数");
			about.value(2, 1, written[0]);
			about.value(3, 0, "说明");
			about.value(3, 1, written[0] >= MAX_ROWS ? "结果超过 " + MAX_ROWS + " 行，只导出了前 " + MAX_ROWS
					+ " 行（按统一社会信用代码排序）；请加筛选条件分批导出"
					: "“企业名录”表可修改后重新导入；“监管层级”“经营状态”两列仅供查看，导入时忽略");
			about.width(0, 12);
			about.width(1, 80);
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return written[0];
	}

	private static void flush(Worksheet sheet) {
		try {
			sheet.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static double width(Column c) {
		switch (c) {
			case USCC:
				return 22;
			case NAME:
			case ADDRESS:
			case FORMER_NAMES:
			case PARENT_GROUP:
			case KEY_UNIT_REASON:
				return 30;
			case TAGS:
				return 20;
			default:
				return 12;
		}
	}

	/** One row's cells in the order of {@link Column}, in the words an import reads. */
	private static List<Object> cells(ResultSet rs, EnterpriseColumns.Places places) throws SQLException {
		List<Object> cells = new ArrayList<>(Column.values().length);
		for (Column c : Column.values()) {
			cells.add(switch (c) {
				case USCC -> rs.getString("uscc");
				case NAME -> rs.getString("name");
				case FORMER_NAMES -> String.join("、", (String[]) rs.getArray("former_names").getArray());
				case LEGAL_REPRESENTATIVE -> rs.getString("legal_representative");
				case SAFETY_MANAGER -> rs.getString("safety_manager");
				case PHONE -> rs.getString("safety_manager_phone");
				case ADDRESS -> rs.getString("address");
				case DISTRICT -> places.districtNames().getOrDefault(rs.getString("district_code"), rs.getString("district_code"));
				case STREET -> rs.getString("street_code") == null ? null
						: places.streetNames().getOrDefault(rs.getString("street_code"), rs.getString("street_code"));
				case LONGITUDE -> plain(rs.getBigDecimal("longitude"));
				case LATITUDE -> plain(rs.getBigDecimal("latitude"));
				case INDUSTRY -> rs.getString("industry_code");
				case SECTOR -> EnterpriseColumns.SECTORS.get(Sector.valueOf(rs.getString("sector")));
				case SUBTYPE -> EnterpriseColumns.SUBTYPES.get(SectorSubtype.valueOf(rs.getString("sector_subtype")));
				case TAGS -> Arrays.stream((String[]) rs.getArray("risk_tags").getArray())
					.map(t -> EnterpriseColumns.TAGS.get(RiskTag.valueOf(t)))
					.collect(Collectors.joining("、"));
				case MAJOR_HAZARD_LEVEL -> rs.getObject("major_hazard_level") == null ? null
						: EnterpriseColumns.HAZARD_LEVELS.get(rs.getInt("major_hazard_level") - 1);
				case SCALE -> EnterpriseColumns.SCALES.get(Scale.valueOf(rs.getString("scale")));
				case EMPLOYEES -> (Integer) rs.getObject("employees");
				case KEY_UNIT -> rs.getBoolean("key_unit") ? "是" : "否";
				case KEY_UNIT_REASON -> rs.getString("key_unit_reason");
				case PARENT_GROUP -> rs.getString("parent_group");
				case GRADE -> EnterpriseColumns.GRADES.get(StandardizationGrade.valueOf(rs.getString("standardization_grade")));
				case INSURANCE -> rs.getBoolean("liability_insurance") ? "是" : "否";
				case SUPERVISION_LEVEL -> EnterpriseColumns.LEVELS.get(JurisdictionLevel.valueOf(rs.getString("supervision_level")));
				case STATUS -> EnterpriseColumns.STATUSES.get(OperatingStatus.valueOf(rs.getString("operating_status")));
			});
		}
		return cells;
	}

	private static BigDecimal plain(BigDecimal d) {
		return d == null ? null : d.stripTrailingZeros();
	}

	/** The filters of a query in words, for the workbook's notes. */
	private static String described(EnterpriseQuery q) {
		Map<String, String> words = new LinkedHashMap<>();
		put(words, "名称或代码", q.q());
		put(words, "区", q.district());
		put(words, "街镇", q.street());
		put(words, "行业领域", q.sector() == null ? null : EnterpriseColumns.SECTORS.get(q.sector()));
		put(words, "风险标签", q.tag() == null ? null : EnterpriseColumns.TAGS.get(q.tag()));
		put(words, "监管层级", q.level() == null ? null : EnterpriseColumns.LEVELS.get(q.level()));
		put(words, "重点单位", q.keyUnit() == null ? null : q.keyUnit() ? "是" : "否");
		put(words, "经营状态", q.status() == null ? null : EnterpriseColumns.STATUSES.get(q.status()));
		put(words, "风险等级", q.grade() == null ? null : q.grade() + "级");
		return words.entrySet().stream().map(e -> e.getKey() + "：" + e.getValue()).collect(Collectors.joining("；"));
	}

	private static void put(Map<String, String> words, String label, String word) {
		if (word != null) {
			words.put(label, word);
		}
	}
}
