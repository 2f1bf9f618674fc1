package org.anjian.enterprise;

/** The supervision regime an enterprise falls under: hazardous chemicals (危险化学品) or industry and trade (工贸). */
public enum Sector {
	HAZCHEM, INDUSTRY_TRADE
}
