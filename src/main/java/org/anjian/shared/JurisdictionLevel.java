package org.anjian.shared;

/** The three administrative levels of a city's work-safety supervision: 市, 区, 街镇. */
public enum JurisdictionLevel {
	CITY, DISTRICT, STREET
}
