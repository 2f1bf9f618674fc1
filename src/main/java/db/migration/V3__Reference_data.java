package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the reference data kept in {@code db/reference/} (copied from the project's shared reference set):
 * Shanghai, its 16 districts and 215 streets and towns (administrative units only, not development zones),
 * GB/T 4754-2017 sections and divisions; and creates one enforcement body per jurisdiction.
 */
public class V3__Reference_data extends BaseJavaMigration {

	private static final String CITY = "310000";

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		loadJurisdictions(c);
		loadIndustries(c);
		createBodies(c);
	}

	private void loadJurisdictions(Connection c) throws IOException, SQLException {
		JsonNode districts;
		try (InputStream in = resource("shanghai_districts.json")) {
			districts = JsonMapper.builder().build().readTree(in);
		}
		try (PreparedStatement insert = c.prepareStatement(
				"insert into jurisdiction (code, name, level, parent_code, kind) values (?, ?, ?, ?, ?)")) {
			insert(insert, CITY, districts.path("municipality").path("name").asString(), "CITY", null, null);
			for (Map.Entry<String, JsonNode> district : districts.path("districts").properties()) {
				insert(insert, district.getKey(), district.getValue().path("name").asString(), "DISTRICT", CITY, null);
			}
			for (CSVRecord row : csv("shanghai_streets_towns.csv")) {
				if ("Y".equals(row.get("is_administrative_township"))) {
					insert(insert, row.get("town_code_9"), row.get("town_name"), "STREET", row.get("district_code"),
							row.get("type"));
				}
			}
		}
	}

	private void loadIndustries(Connection c) throws IOException, SQLException {
		try (PreparedStatement insert = c.prepareStatement(
				"insert into industry_section (code, name, division_from, division_to) values (?, ?, ?, ?)")) {
			for (CSVRecord row : csv("gbt4754_2017_sections.csv")) {
				insert(insert, row.get("section"), row.get("name"), row.get("division_from"), row.get("division_to"));
			}
		}
		try (PreparedStatement insert = c.prepareStatement("insert into industry_division"
				+ " (code, section_code, name, gongmao_industry, regime_note, verified) values (?, ?, ?, ?, ?, ?)")) {
			for (CSVRecord row : csv("gbt4754_2017_divisions.csv")) {
				String gongmao = blankToNull(row.get(3));
				String note = blankToNull(row.get(4));
				boolean unverified = (gongmao != null && gongmao.contains("unverified"))
						|| (note != null && note.contains("unverified"));
				insert.setString(1, row.get("division"));
				insert.setString(2, row.get("section"));
				insert.setString(3, row.get("name"));
				insert.setString(4, gongmao);
				insert.setString(5, note);
				insert.setBoolean(6, !unverified);
				insert.executeUpdate();
			}
		}
	}

	private void createBodies(Connection c) throws SQLException {
		try (PreparedStatement city = c.prepareStatement("insert into enforcement_body (name, level, jurisdiction_code)"
				+ " values ('上海市应急管理局执法总队', 'CITY', '" + CITY + "')");
				PreparedStatement districts = c.prepareStatement(
						"insert into enforcement_body (name, level, jurisdiction_code, district_code)"
								+ " select name || '应急管理局执法大队', 'DISTRICT', code, code from jurisdiction"
								+ " where level = 'DISTRICT' order by code");
				PreparedStatement streets = c.prepareStatement(
						"insert into enforcement_body (name, level, jurisdiction_code, district_code, street_code)"
								+ " select d.name || s.name || '安全生产执法队', 'STREET', s.code, s.parent_code, s.code"
								+ " from jurisdiction s join jurisdiction d on d.code = s.parent_code"
								+ " where s.level = 'STREET' order by s.code")) {
			city.executeUpdate();
			districts.executeUpdate();
			streets.executeUpdate();
		}
	}

	private static void insert(PreparedStatement statement, String... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			statement.setString(i + 1, values[i]);
		}
		statement.executeUpdate();
	}

	private static List<CSVRecord> csv(String name) throws IOException {
		try (Reader reader = new InputStreamReader(resource(name), StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	private static InputStream resource(String name) throws IOException {
		InputStream in = V3__Reference_data.class.getResourceAsStream("/db/reference/" + name);
		if (in == null) {
			throw new IOException("reference data missing from the build: " + name);
		}
		return in;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
