package org.anjian.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.anjian.shared.Uscc;

/**
 * Generates import files for tests: valid rows whose credit codes carry a tag of the run (characters 9-12) so that
 * they are told apart from any demo data, and whose area part matches the district.
 */
final class ImportRows {

	static final String HEADER = "统一社会信用代码,企业名称,法定代表人,安全负责人,联系电话,地址,区,街镇,经度,纬度,行业代码,"
			+ "行业领域,子类,风险标签,重大危险源等级,规模,从业人员,重点单位,重点单位原因,所属集团,标准化等级,安责险";

	/** District code, its name, a street code of it and that street's name. */
	record Place(String district, String districtName, String street, String streetName) {
	}

	static final List<Place> PLACES = List.of(
			new Place("310107", "普陀区", "310107015", "长寿路街道"),
			new Place("310107", "普陀区", "310107021", "万里街道"),
			new Place("310115", "浦东新区", "310115005", "陆家嘴街道"),
			new Place("310115", "浦东新区", "310115104", "高桥镇"),
			new Place("310104", "徐汇区", "310104003", "天平路街道"),
			new Place("310112", "闵行区", "310112101", "莘庄镇"),
			new Place("310113", "宝山区", "310113104", "月浦镇"));

	private static final String LETTERS = "ABCDEFGHJKLMNPQRTUWXY";

	private ImportRows() {
	}

	/** Four letters unique enough to mark this run's codes. */
	static String tag() {
		Random random = new Random();
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
		}
		return s.toString();
	}

	static String code(String district, String tag, int serial) {
		String first17 = "91" + district + tag + String.format("%05d", serial);
		return first17 + Uscc.checkCharacter(first17);
	}

	/** A valid row: every 5th a hazardous-chemicals store (district), the rest small workshops (street). */
	static List<String> row(String tag, int i) {
		Place p = PLACES.get(i % PLACES.size());
		boolean chemical = i % 5 == 0;
		List<String> cells = new ArrayList<>();
		cells.add(code(p.district(), tag, i));
		cells.add("导入测试" + tag + "第" + i + "号" + (chemical ? "化工仓储有限公司" : "机械加工厂"));
		cells.add("张" + i);
		cells.add("李" + i);
		cells.add("139" + String.format("%08d", i));
		cells.add("上海市" + p.districtName() + "测试路" + i + "号");
		cells.add(i % 2 == 0 ? p.districtName() : p.district());
		cells.add(i % 3 == 0 ? p.street() : p.streetName());
		cells.add(String.format("121.%06d", 200000 + i));
		cells.add(String.format("31.%06d", 100000 + i));
		cells.add(chemical ? "26" : "34");
		cells.add(chemical ? "危险化学品" : (i % 7 == 0 ? "INDUSTRY_TRADE" : "工贸"));
		cells.add(chemical ? "储存" : "机械");
		cells.add(chemical ? "重大危险源、有限空间" : (i % 4 == 0 ? "粉尘涉爆;有限空间" : ""));
		cells.add(chemical ? "三级" : "");
		cells.add(chemical ? "中型" : "小");
		cells.add(Integer.toString(10 + i % 90));
		cells.add("否");
		cells.add("");
		cells.add("");
		cells.add(chemical ? "二级" : "无");
		cells.add(i % 2 == 0 ? "是" : "否");
		return cells;
	}

	static String csv(List<List<String>> rows) {
		StringBuilder s = new StringBuilder(HEADER).append("\r\n");
		for (List<String> row : rows) {
			s.append(String.join(",", row.stream().map(ImportRows::quoted).toList())).append("\r\n");
		}
		return s.toString();
	}

	private static String quoted(String v) {
		return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
	}
}
