package org.anjian.enterprise;

/**
 * What an enterprise does within its sector: for hazardous chemicals the activity (生产/经营/使用/储存), for
 * industry and trade the branch (冶金/有色/建材/机械/轻工/纺织/烟草/商贸).
 */
public enum SectorSubtype {

	PRODUCTION(Sector.HAZCHEM), OPERATION(Sector.HAZCHEM), USE(Sector.HAZCHEM), STORAGE(Sector.HAZCHEM),
	METALLURGY(Sector.INDUSTRY_TRADE), NONFERROUS(Sector.INDUSTRY_TRADE), BUILDING_MATERIALS(Sector.INDUSTRY_TRADE),
	MACHINERY(Sector.INDUSTRY_TRADE), LIGHT_INDUSTRY(Sector.INDUSTRY_TRADE), TEXTILE(Sector.INDUSTRY_TRADE),
	TOBACCO(Sector.INDUSTRY_TRADE), COMMERCE(Sector.INDUSTRY_TRADE);

	private final Sector sector;

	SectorSubtype(Sector sector) {
		this.sector = sector;
	}

	public Sector sector() {
		return sector;
	}
}
