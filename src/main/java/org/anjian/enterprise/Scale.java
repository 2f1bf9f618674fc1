package org.anjian.enterprise;

/** 企业规模: 大/中/小/微. */
public enum Scale {
	LARGE, MEDIUM, SMALL, MICRO
}
