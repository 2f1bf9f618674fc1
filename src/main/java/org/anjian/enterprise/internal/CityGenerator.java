package org.anjian.enterprise.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SectorSubtype;
import org.anjian.enterprise.StandardizationGrade;
import org.anjian.shared.Uscc;

/**
 * A synthetic but plausible Shanghai: enterprises spread over the 16 districts and their streets and towns as a
 * real city's are (most in Pudong and the outer districts, few downtown), mostly small and micro industry-and-trade
 * units, about four hazardous-chemicals units per thousand (more in Jinshan, Fengxian and Baoshan), a few hundred
 * key units per million, and the four city key units the seeds name. Everything follows from the seed and the
 * profile: the same seed gives the same enterprises in the same order, whatever the count (a smaller city is a
 * prefix of a larger), and no two of them share a name.
 *
 * <p>Credit codes are valid (GB 32100 check character) and unique: characters 3-8 are the district's code,
 * characters 9-17 a permutation of the enterprise's position, so no two positions share a code. Coordinates lie
 * near a centre derived for each street from its district's centre, inside Shanghai.
 */
final class CityGenerator {

	/** A street or town of the reference data. */
	record Street(String code, String name, String districtCode, String kind) {
	}

	/** One enterprise as the loader writes it; supervision is decided by the loader from the rules. */
	record Generated(String uscc, String name, String legalRepresentative, String safetyManager, String phone,
			String address, String districtCode, String streetCode, BigDecimal longitude, BigDecimal latitude,
			String industryCode, Sector sector, SectorSubtype subtype, Set<RiskTag> tags, Integer majorHazardLevel,
			Scale scale, int employees, boolean keyUnit, String keyUnitReason, String parentGroup,
			StandardizationGrade grade, boolean insurance, OperatingStatus status) {
	}

	/**
	 * A district: short name for company names, relative number of enterprises, how much more (or less) often
	 * than the city's average it hosts hazardous chemicals, its centre (WGS-84) and half-extent in degrees.
	 */
	record District(String code, String shortName, double weight, double hazchemFactor, double lon, double lat,
			double lonSpread, double latSpread) {
	}

	static final List<District> DISTRICTS = List.of(
			new District("310101", "黄浦", 2.0, 0.3, 121.484, 31.222, 0.020, 0.018),
			new District("310104", "徐汇", 3.0, 0.5, 121.437, 31.175, 0.030, 0.035),
			new District("310105", "长宁", 2.5, 0.4, 121.395, 31.213, 0.040, 0.018),
			new District("310106", "静安", 3.0, 0.3, 121.449, 31.260, 0.025, 0.035),
			new District("310107", "普陀", 4.0, 0.7, 121.397, 31.253, 0.035, 0.025),
			new District("310109", "虹口", 2.0, 0.3, 121.485, 31.270, 0.015, 0.025),
			new District("310110", "杨浦", 3.0, 0.6, 121.526, 31.280, 0.035, 0.030),
			new District("310112", "闵行", 9.0, 1.3, 121.400, 31.095, 0.090, 0.080),
			new District("310113", "宝山", 7.0, 1.6, 121.420, 31.380, 0.080, 0.070),
			new District("310114", "嘉定", 9.0, 1.2, 121.255, 31.350, 0.090, 0.090),
			new District("310115", "浦东", 20.0, 1.2, 121.640, 31.150, 0.180, 0.210),
			new District("310116", "金山", 5.0, 3.5, 121.250, 30.800, 0.120, 0.090),
			new District("310117", "松江", 9.0, 1.0, 121.220, 31.030, 0.130, 0.090),
			new District("310118", "青浦", 7.0, 0.8, 121.100, 31.120, 0.150, 0.100),
			new District("310120", "奉贤", 7.0, 2.2, 121.550, 30.900, 0.180, 0.070),
			new District("310151", "崇明", 3.5, 0.5, 121.550, 31.620, 0.300, 0.100));

	/**
	 * How the generated city leans: the realistic {@link #CITY}, or the {@link #DEMO} city, small but with more
	 * enterprises where the demo users work (普陀, 浦东, 长征镇, 陆家嘴) and more hazardous chemicals, so that each
	 * demo account has something to look at.
	 */
	record Profile(String name, double hazchemBoost, Map<String, Double> placeBoosts) {

		static final Profile CITY = new Profile("city", 1, Map.of());
		static final Profile DEMO = new Profile("demo", 10, Map.of("310107", 4.0, "310115", 1.5, "310107102", 6.0,
				"310115005", 10.0));

		double boost(String place) {
			return placeBoosts.getOrDefault(place, 1.0);
		}
	}

	/** Streets whose place is known better than a derived centre: where the named units and demo users are. */
	private static final Map<String, double[]> KNOWN_STREETS = Map.of(
			"310115005", new double[] { 121.505, 31.238 }, // 陆家嘴街道
			"310107102", new double[] { 121.370, 31.236 }, // 长征镇
			"310116001", new double[] { 121.335, 30.718 }, // 石化街道
			"310115104", new double[] { 121.575, 31.352 }, // 高桥镇
			"310113104", new double[] { 121.420, 31.420 }, // 月浦镇
			"310113007", new double[] { 121.490, 31.385 }); // 吴淞街道

	/** Shanghai's extent; every coordinate is kept inside it. */
	static final double MIN_LON = 120.85, MAX_LON = 122.0, MIN_LAT = 30.67, MAX_LAT = 31.88;

	/** The hazardous-chemicals share of a district with factor 1: about 4,000 units per 1,000,000. */
	private static final double HAZCHEM_SHARE = 0.0036;

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final long CODE_SPACE_NEW = pow(31, 6);
	private static final long CODE_SPACE_OLD = 1_000_000_000L;

	private static final String BRAND = "鑫达华通宏盛源泰恒金瑞丰利祥康信博佳美安东方兴隆昌新海天宇中和永正德福嘉顺成大万富荣润晟瀚捷亿联诚益众凯耀辉明光星远航峰卓越豪锦绿春申沪江银宝龙凤雅科创力威腾飞汇泽鼎铭晨曦旭冠良合友建立振启广强卫乐";
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖",
			"田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "沈", "魏", "陆", "顾", "钱", "倪", "施" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀英", "华", "平", "刚", "桂英", "建华", "志强", "海燕", "晓东", "文", "斌", "鹏", "慧", "俊", "峰",
			"玲", "燕", "浩", "婷", "雪", "鑫", "宇", "晨", "建国", "卫东", "国平", "丽华", "佳怡", "子涵" };
	private static final String[] ROADS = { "中山北路", "江场路", "共和新路", "沪太路", "曹安公路", "金沙江路", "真北路", "张江路",
			"川沙路", "龙东大道", "沪南公路", "华夏中路", "漕宝路", "沪闵路", "莘松路", "江杨南路", "蕰川路", "宝杨路", "嘉松北路",
			"沪宜公路", "叶榭公路", "亭林路", "朱枫公路", "南亭公路", "金山大道", "新松江路", "九新公路", "外青松公路", "沪青平公路",
			"南奉公路", "环城北路", "陈海公路", "园沙路", "长江西路", "新村路", "武宁路", "古浪路", "铜川路", "真南路", "桃浦路" };
	private static final String[] FORMS = { "有限公司", "有限公司", "有限公司", "有限公司", "有限公司", "有限公司", "股份有限公司", "厂" };

	private static final Map<SectorSubtype, String[]> TRADES = Map.ofEntries(
			Map.entry(SectorSubtype.PRODUCTION, new String[] { "化工", "化学", "精细化工", "石油化工", "化学品", "涂料", "化学试剂", "新材料" }),
			Map.entry(SectorSubtype.OPERATION, new String[] { "化工", "化工贸易", "石油化工", "化学品", "能源", "燃气", "化工原料" }),
			Map.entry(SectorSubtype.USE, new String[] { "化学", "化工", "涂装", "电镀", "新材料", "医药化工", "表面处理" }),
			Map.entry(SectorSubtype.STORAGE, new String[] { "危险品仓储", "化工物流", "石化仓储", "液化气储运", "化工储运" }),
			Map.entry(SectorSubtype.COMMERCE, new String[] { "贸易", "商贸", "实业", "物资", "超市", "商行", "供应链管理", "冷链物流" }),
			Map.entry(SectorSubtype.MACHINERY, new String[] { "机械", "机电", "精密机械", "五金制品", "模具", "汽车配件", "电气设备",
					"自动化设备", "电子科技", "仪器仪表", "阀门", "泵业", "船舶配件", "金属制品" }),
			Map.entry(SectorSubtype.LIGHT_INDUSTRY, new String[] { "食品", "印刷", "包装", "家具", "纸业", "日用品", "文具", "木业",
					"酿造", "乳业", "冷冻食品", "玩具" }),
			Map.entry(SectorSubtype.TEXTILE, new String[] { "纺织", "服饰", "制衣", "针织", "织造", "印染", "家纺" }),
			Map.entry(SectorSubtype.BUILDING_MATERIALS, new String[] { "建材", "新型建材", "水泥制品", "混凝土", "石材", "玻璃", "陶瓷" }),
			Map.entry(SectorSubtype.METALLURGY, new String[] { "钢铁", "特钢", "金属材料", "钢管", "轧钢", "铸钢" }),
			Map.entry(SectorSubtype.NONFERROUS, new String[] { "铝业", "铜业", "有色金属", "合金材料", "镁业" }),
			Map.entry(SectorSubtype.TOBACCO, new String[] { "烟草机械", "卷烟材料", "烟草物流" }));

	/** GB/T 4754-2017 divisions plausible for each sub-type. */
	private static final Map<SectorSubtype, String[]> INDUSTRIES = Map.ofEntries(
			Map.entry(SectorSubtype.PRODUCTION, new String[] { "26", "26", "26", "26", "25", "27", "29" }),
			Map.entry(SectorSubtype.OPERATION, new String[] { "51", "51", "51", "51", "52" }),
			Map.entry(SectorSubtype.USE, new String[] { "26", "29", "27", "33", "39" }),
			Map.entry(SectorSubtype.STORAGE, new String[] { "59" }),
			Map.entry(SectorSubtype.COMMERCE, new String[] { "51", "51", "52" }),
			Map.entry(SectorSubtype.MACHINERY, new String[] { "33", "34", "35", "36", "37", "38", "39", "40", "43" }),
			Map.entry(SectorSubtype.LIGHT_INDUSTRY, new String[] { "13", "14", "15", "19", "20", "21", "22", "23", "24" }),
			Map.entry(SectorSubtype.TEXTILE, new String[] { "17", "18", "28" }),
			Map.entry(SectorSubtype.BUILDING_MATERIALS, new String[] { "30" }),
			Map.entry(SectorSubtype.METALLURGY, new String[] { "31" }),
			Map.entry(SectorSubtype.NONFERROUS, new String[] { "32" }),
			Map.entry(SectorSubtype.TOBACCO, new String[] { "16" }));

	private static final SectorSubtype[] HAZCHEM_SUBTYPES = { SectorSubtype.OPERATION, SectorSubtype.USE,
			SectorSubtype.PRODUCTION, SectorSubtype.STORAGE };
	private static final double[] HAZCHEM_SUBTYPE_WEIGHTS = { 0.55, 0.20, 0.15, 0.10 };
	private static final SectorSubtype[] TRADE_SUBTYPES = { SectorSubtype.COMMERCE, SectorSubtype.MACHINERY,
			SectorSubtype.LIGHT_INDUSTRY, SectorSubtype.TEXTILE, SectorSubtype.BUILDING_MATERIALS,
			SectorSubtype.METALLURGY, SectorSubtype.NONFERROUS, SectorSubtype.TOBACCO };
	private static final double[] TRADE_SUBTYPE_WEIGHTS = { 0.42, 0.24, 0.16, 0.06, 0.05, 0.035, 0.0349, 0.0001 };

	private static final Map<SectorSubtype, String[]> GROUPS = Map.of(
			SectorSubtype.PRODUCTION, new String[] { "中国石油化工集团有限公司", "上海华谊控股集团有限公司" },
			SectorSubtype.METALLURGY, new String[] { "中国宝武钢铁集团有限公司" },
			SectorSubtype.MACHINERY, new String[] { "上海电气控股集团有限公司", "上海汽车集团股份有限公司" },
			SectorSubtype.LIGHT_INDUSTRY, new String[] { "光明食品（集团）有限公司", "上海轻工控股（集团）有限公司" },
			SectorSubtype.TOBACCO, new String[] { "上海烟草集团有限责任公司" });

	/** The city key units the seeds name (沪应急总队〔2023〕26号); the first of each line is its credit code. */
	static final List<Generated> NAMED_KEY_UNITS = List.of(
			named("91310000132212291W", "中国石化上海石油化工股份有限公司", "310116", "310116001", "25",
					Sector.HAZCHEM, SectorSubtype.PRODUCTION, EnumSet.of(RiskTag.MAJOR_HAZARD_INSTALLATION,
							RiskTag.HAZARDOUS_PROCESS, RiskTag.CONFINED_SPACE), 1, 7600, "中国石油化工集团有限公司",
					"上海市金山区石化卫零路", "炼化企业，列为市重点单位（沪应急总队〔2023〕26号）"),
			named(placeholder("91310115", "00000GQ01"), "中国石化上海高桥石油化工有限公司", "310115", "310115104", "25",
					Sector.HAZCHEM, SectorSubtype.PRODUCTION, EnumSet.of(RiskTag.MAJOR_HAZARD_INSTALLATION,
							RiskTag.HAZARDOUS_PROCESS, RiskTag.CONFINED_SPACE), 1, 3200, "中国石油化工集团有限公司",
					"上海市浦东新区浦东北路", "炼化企业，列为市重点单位（沪应急总队〔2023〕26号）"),
			named("91310000631696382C", "宝山钢铁股份有限公司", "310113", "310113104", "31", Sector.INDUSTRY_TRADE,
					SectorSubtype.METALLURGY, EnumSet.of(RiskTag.MOLTEN_METAL, RiskTag.CONFINED_SPACE,
							RiskTag.DUST_EXPLOSION), null, 15000, "中国宝武钢铁集团有限公司", "上海市宝山区富锦路",
					"钢铁企业，列为市重点单位（沪应急总队〔2023〕26号）"),
			named(placeholder("91310113", "0000BWTY1"), "宝武特种冶金有限公司", "310113", "310113007", "31",
					Sector.INDUSTRY_TRADE, SectorSubtype.METALLURGY, EnumSet.of(RiskTag.MOLTEN_METAL,
							RiskTag.CONFINED_SPACE), null, 2800, "中国宝武钢铁集团有限公司", "上海市宝山区长江路",
					"特种冶金企业，列为市重点单位（沪应急总队〔2023〕26号）"));

	/**
	 * 高桥石化 and 宝武特冶: their published credit codes are not confirmed here (V4 lists only the other two), so
	 * the generator gives them valid codes of its own, which it also puts on the city key list it generates.
	 */
	static final Set<String> PLACEHOLDER_CODES = Set.of(NAMED_KEY_UNITS.get(1).uscc(), NAMED_KEY_UNITS.get(3).uscc());

	private final long seed;
	private final Profile profile;
	private final List<Street> streets;
	private final Map<String, String> districtNames;
	private final Map<String, District> districts = new HashMap<>();
	private final Map<String, List<Street>> streetsByDistrict = new HashMap<>();
	private final Map<String, double[]> streetWeights = new HashMap<>();
	private final Map<String, double[]> streetCentres = new HashMap<>();
	private final double[] districtWeights;

	/**
	 * @param streets the streets and towns of the reference data
	 * @param districtNames the districts' full names by code (普陀区), for addresses
	 */
	CityGenerator(long seed, Profile profile, List<Street> streets, Map<String, String> districtNames) {
		this.seed = seed;
		this.profile = profile;
		this.streets = List.copyOf(streets);
		this.districtNames = Map.copyOf(districtNames);
		districtWeights = new double[DISTRICTS.size()];
		for (int i = 0; i < DISTRICTS.size(); i++) {
			District d = DISTRICTS.get(i);
			districts.put(d.code(), d);
			districtWeights[i] = d.weight() * profile.boost(d.code());
		}
		for (Street s : this.streets) {
			streetsByDistrict.computeIfAbsent(s.districtCode(), k -> new ArrayList<>()).add(s);
		}
		for (District d : DISTRICTS) {
			List<Street> own = streetsByDistrict.get(d.code());
			if (own == null || own.isEmpty()) {
				throw new IllegalStateException("no street or town of district " + d.code() + " in the reference data");
			}
			double[] weights = new double[own.size()];
			for (int i = 0; i < own.size(); i++) {
				Street s = own.get(i);
				// the same street gets the same weight and centre whatever the seed: places do not move
				SplittableRandom place = new SplittableRandom(s.code().hashCode());
				// towns (镇) host more workshops than downtown streets (街道)
				weights[i] = ("镇".equals(s.kind()) || "乡".equals(s.kind()) ? 3.0 : 1.0) * (0.5 + place.nextDouble())
						* profile.boost(s.code());
				double[] known = KNOWN_STREETS.get(s.code());
				streetCentres.put(s.code(), known != null ? known : new double[] {
						clamp(d.lon() + (place.nextDouble() * 2 - 1) * d.lonSpread() * 0.8, MIN_LON + 0.01, MAX_LON - 0.01),
						clamp(d.lat() + (place.nextDouble() * 2 - 1) * d.latSpread() * 0.8, MIN_LAT + 0.01, MAX_LAT - 0.01) });
			}
			streetWeights.put(d.code(), weights);
		}
	}

	/** Produces {@code count} enterprises, the named key units first, in the same order for the same seed. */
	void generate(int count, Consumer<Generated> sink) {
		Set<String> names = new HashSet<>();
		int named = Math.min(count, NAMED_KEY_UNITS.size());
		for (int i = 0; i < named; i++) {
			Generated unit = NAMED_KEY_UNITS.get(i);
			names.add(unit.name());
			sink.accept(unit);
		}
		SplittableRandom random = new SplittableRandom(seed);
		// an affine map x -> (a x + b) mod 31^6 is a permutation when a is not a multiple of 31
		long multiplierNew = 1 + new SplittableRandom(seed ^ 0x5DEECE66DL).nextLong(CODE_SPACE_NEW - 1);
		if (multiplierNew % 31 == 0) {
			multiplierNew++;
		}
		long offsetNew = new SplittableRandom(seed + 1).nextLong(CODE_SPACE_NEW);
		long offsetOld = new SplittableRandom(seed + 2).nextLong(CODE_SPACE_OLD);
		for (int i = named; i < count; i++) {
			sink.accept(one(i, random, names, multiplierNew, offsetNew, offsetOld));
		}
	}

	private Generated one(long position, SplittableRandom r, Set<String> names, long multiplierNew, long offsetNew,
			long offsetOld) {
		District district = DISTRICTS.get(pick(r, districtWeights));
		List<Street> own = streetsByDistrict.get(district.code());
		Street street = own.get(pick(r, streetWeights.get(district.code())));

		boolean hazchem = r.nextDouble() < HAZCHEM_SHARE * district.hazchemFactor() * profile.hazchemBoost();
		Sector sector = hazchem ? Sector.HAZCHEM : Sector.INDUSTRY_TRADE;
		SectorSubtype subtype = hazchem ? HAZCHEM_SUBTYPES[pick(r, HAZCHEM_SUBTYPE_WEIGHTS)]
				: TRADE_SUBTYPES[pick(r, TRADE_SUBTYPE_WEIGHTS)];
		Scale scale = scale(r, hazchem, subtype);
		int employees = switch (scale) {
			case LARGE -> 1000 + r.nextInt(9000);
			case MEDIUM -> 100 + r.nextInt(900);
			case SMALL -> 20 + r.nextInt(80);
			case MICRO -> 1 + r.nextInt(19);
		};

		Set<RiskTag> tags = EnumSet.noneOf(RiskTag.class);
		Integer majorHazardLevel = null;
		if (hazchem) {
			double mhi = switch (subtype) {
				case PRODUCTION -> 0.35;
				case STORAGE -> 0.40;
				case USE -> 0.10;
				default -> 0.02;
			};
			if (r.nextDouble() < mhi) {
				tags.add(RiskTag.MAJOR_HAZARD_INSTALLATION);
				majorHazardLevel = 1 + pick(r, new double[] { 0.05, 0.15, 0.35, 0.45 });
			}
			if (r.nextDouble() < (subtype == SectorSubtype.PRODUCTION ? 0.5 : subtype == SectorSubtype.USE ? 0.1 : 0)) {
				tags.add(RiskTag.HAZARDOUS_PROCESS);
			}
			if (r.nextDouble() < 0.3) {
				tags.add(RiskTag.CONFINED_SPACE);
			}
		}
		else {
			tag(r, tags, RiskTag.DUST_EXPLOSION, switch (subtype) {
				case MACHINERY -> 0.04;
				case LIGHT_INDUSTRY -> 0.05;
				case BUILDING_MATERIALS, METALLURGY -> 0.03;
				case NONFERROUS -> 0.06;
				case TEXTILE -> 0.02;
				case TOBACCO -> 0.2;
				default -> 0;
			});
			tag(r, tags, RiskTag.AMMONIA_REFRIGERATION, subtype == SectorSubtype.LIGHT_INDUSTRY ? 0.015
					: subtype == SectorSubtype.COMMERCE ? 0.003 : 0);
			tag(r, tags, RiskTag.CONFINED_SPACE, switch (subtype) {
				case LIGHT_INDUSTRY, NONFERROUS -> 0.15;
				case TEXTILE, BUILDING_MATERIALS -> 0.10;
				case METALLURGY, TOBACCO -> 0.20;
				case MACHINERY -> 0.05;
				default -> 0.02;
			});
			tag(r, tags, RiskTag.MOLTEN_METAL, subtype == SectorSubtype.METALLURGY ? 0.4
					: subtype == SectorSubtype.NONFERROUS ? 0.35 : subtype == SectorSubtype.MACHINERY ? 0.015 : 0);
		}

		String keyUnitReason = keyUnitReason(r, hazchem, scale, tags, majorHazardLevel);
		boolean keyUnit = keyUnitReason != null;

		String name = name(r, district, subtype, names);
		String[] industries = INDUSTRIES.get(subtype);
		double[] centre = streetCentres.get(street.code());
		double lon = clamp(centre[0] + gaussian(r) * district.lonSpread() * 0.12, MIN_LON, MAX_LON);
		double lat = clamp(centre[1] + gaussian(r) * district.latSpread() * 0.12, MIN_LAT, MAX_LAT);

		String[] groups = GROUPS.get(subtype);
		String group = groups != null && (scale == Scale.LARGE && r.nextDouble() < 0.5
				|| scale == Scale.MEDIUM && r.nextDouble() < 0.1) ? groups[r.nextInt(groups.length)] : null;

		return new Generated(code(position, district.code(), r, multiplierNew, offsetNew, offsetOld), name, person(r),
				person(r), phone(r), address(r, district, street), district.code(), street.code(), degrees(lon),
				degrees(lat), industries[r.nextInt(industries.length)], sector, subtype, tags, majorHazardLevel, scale,
				employees, keyUnit, keyUnitReason, group, grade(r, hazchem, scale, keyUnit),
				hazchem || keyUnit || r.nextDouble() < insuranceShare(scale), status(r));
	}

	private static Scale scale(SplittableRandom r, boolean hazchem, SectorSubtype subtype) {
		double[] weights = hazchem ? subtype == SectorSubtype.PRODUCTION ? new double[] { 0.10, 0.30, 0.45, 0.15 }
				: new double[] { 0.02, 0.10, 0.40, 0.48 }
				: subtype == SectorSubtype.COMMERCE ? new double[] { 0.002, 0.02, 0.20, 0.778 }
						: new double[] { 0.005, 0.045, 0.30, 0.65 };
		return Scale.values()[pick(r, weights)];
	}

	/** Hazardous-chemicals units with a level 1 or 2 major hazard, and large or some medium units with a grave risk. */
	private static String keyUnitReason(SplittableRandom r, boolean hazchem, Scale scale, Set<RiskTag> tags,
			Integer majorHazardLevel) {
		if (hazchem) {
			if (majorHazardLevel != null && (majorHazardLevel <= 2 || scale == Scale.LARGE)) {
				return "构成" + "一二三四".charAt(majorHazardLevel - 1) + "级重大危险源的危险化学品企业";
			}
			return null;
		}
		String risk = tags.contains(RiskTag.MOLTEN_METAL) ? "高温熔融金属作业"
				: tags.contains(RiskTag.DUST_EXPLOSION) ? "粉尘涉爆作业"
						: tags.contains(RiskTag.AMMONIA_REFRIGERATION) ? "涉氨制冷" : null;
		if (risk != null && (scale == Scale.LARGE || scale == Scale.MEDIUM && r.nextDouble() < 0.05)) {
			return "涉及" + risk + "的" + (scale == Scale.LARGE ? "大型" : "中型") + "工贸企业";
		}
		return null;
	}

	private String name(SplittableRandom r, District district, SectorSubtype subtype, Set<String> names) {
		String[] trades = TRADES.get(subtype);
		for (int attempt = 0;; attempt++) {
			StringBuilder name = new StringBuilder("上海");
			if (r.nextDouble() < 0.3) {
				name.append(district.shortName());
			}
			name.append(BRAND.charAt(r.nextInt(BRAND.length()))).append(BRAND.charAt(r.nextInt(BRAND.length())));
			if (attempt >= 3) {
				name.append(BRAND.charAt(r.nextInt(BRAND.length()))); // a crowded trade: a three-character brand
			}
			name.append(trades[r.nextInt(trades.length)]);
			String trade = name.toString();
			name.append(subtype == SectorSubtype.COMMERCE && r.nextDouble() < 0.2 ? "经营部" : FORMS[r.nextInt(FORMS.length)]);
			if (trade.endsWith("超市") || trade.endsWith("商行")) {
				name.setLength(trade.length()); // a shop's name is complete without a company form
			}
			if (names.add(name.toString())) {
				return name.toString();
			}
		}
	}

	/**
	 * 91 (an enterprise registered by the market regulator), the district, then nine characters: in most codes
	 * "MA1" and six characters of an affine permutation of the position (newer registrations), otherwise nine
	 * digits of another (older codes carry the former organisation code); then the check character.
	 */
	private static String code(long position, String district, SplittableRandom r, long multiplier, long offsetNew,
			long offsetOld) {
		StringBuilder code = new StringBuilder(18).append("91").append(district);
		if (r.nextDouble() < 0.7) {
			long v = Math.floorMod(position * multiplier + offsetNew, CODE_SPACE_NEW);
			code.append("MA1");
			char[] body = new char[6];
			for (int i = 5; i >= 0; i--) {
				body[i] = ALPHABET.charAt((int) (v % 31));
				v /= 31;
			}
			code.append(body);
		}
		else {
			// 999,999,937 is prime, hence coprime with 10^9: distinct positions give distinct digits
			long v = Math.floorMod(position * 999_999_937L + offsetOld, CODE_SPACE_OLD);
			code.append(digits(v, 9));
		}
		return code.append(Uscc.checkCharacter(code.toString())).toString();
	}

	private static String person(SplittableRandom r) {
		return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
	}

	private static String phone(SplittableRandom r) {
		if (r.nextDouble() < 0.8) {
			return "1" + "3456789".charAt(r.nextInt(7)) + digits(r.nextInt(1_000_000_000), 9);
		}
		return "021-" + (3 + r.nextInt(4)) + digits(r.nextInt(10_000_000), 7);
	}

	private String address(SplittableRandom r, District district, Street street) {
		return "上海市" + districtNames.getOrDefault(district.code(), district.shortName() + "区") + street.name()
				+ ROADS[r.nextInt(ROADS.length)] + (1 + r.nextInt(2999)) + "号";
	}

	private static StandardizationGrade grade(SplittableRandom r, boolean hazchem, Scale scale, boolean keyUnit) {
		double x = r.nextDouble();
		if (hazchem || keyUnit) {
			return x < 0.02 ? StandardizationGrade.LEVEL_1 : x < 0.25 ? StandardizationGrade.LEVEL_2
					: x < 0.80 ? StandardizationGrade.LEVEL_3 : StandardizationGrade.NONE;
		}
		return switch (scale) {
			case LARGE -> x < 0.3 ? StandardizationGrade.LEVEL_2 : x < 0.7 ? StandardizationGrade.LEVEL_3 : StandardizationGrade.NONE;
			case MEDIUM -> x < 0.05 ? StandardizationGrade.LEVEL_2 : x < 0.35 ? StandardizationGrade.LEVEL_3 : StandardizationGrade.NONE;
			case SMALL -> x < 0.05 ? StandardizationGrade.LEVEL_3 : StandardizationGrade.NONE;
			case MICRO -> StandardizationGrade.NONE;
		};
	}

	private static double insuranceShare(Scale scale) {
		return switch (scale) {
			case LARGE, MEDIUM -> 0.7;
			case SMALL -> 0.25;
			case MICRO -> 0.08;
		};
	}

	private static OperatingStatus status(SplittableRandom r) {
		double x = r.nextDouble();
		return x < 0.94 ? OperatingStatus.OPERATING : x < 0.98 ? OperatingStatus.SUSPENDED : OperatingStatus.DEREGISTERED;
	}

	private static void tag(SplittableRandom r, Set<RiskTag> tags, RiskTag tag, double probability) {
		if (r.nextDouble() < probability) {
			tags.add(tag);
		}
	}

	private static int pick(SplittableRandom r, double[] weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double x = r.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** Roughly normal, bounded to ±3: coordinates cluster around their street's centre. */
	private static double gaussian(SplittableRandom r) {
		return (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) * 2;
	}

	private static BigDecimal degrees(double value) {
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
	}

	private static double clamp(double v, double min, double max) {
		return Math.max(min, Math.min(max, v));
	}

	/** {@code value} in {@code width} decimal digits with leading zeros (String.format is slow a million times). */
	private static String digits(long value, int width) {
		char[] out = new char[width];
		for (int i = width - 1; i >= 0; i--) {
			out[i] = (char) ('0' + value % 10);
			value /= 10;
		}
		return new String(out);
	}

	private static long pow(long base, int exponent) {
		long v = 1;
		for (int i = 0; i < exponent; i++) {
			v *= base;
		}
		return v;
	}

	private static String placeholder(String prefix8, String body9) {
		String first17 = prefix8 + body9;
		return first17 + Uscc.checkCharacter(first17);
	}

	private static Generated named(String uscc, String name, String district, String street, String industry,
			Sector sector, SectorSubtype subtype, Set<RiskTag> tags, Integer majorHazardLevel, int employees,
			String group, String address, String reason) {
		double[] at = KNOWN_STREETS.get(street);
		return new Generated(uscc, name, null, null, null, address, district, street, degrees(at[0]), degrees(at[1]),
				industry, sector, subtype, tags, majorHazardLevel, Scale.LARGE, employees, true, reason, group,
				StandardizationGrade.LEVEL_1, true, OperatingStatus.OPERATING);
	}
}
