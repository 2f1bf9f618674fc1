package org.anjian.shared;

/**
 * Who did something, as a person reads it: a name (刘洋, or 系统 for the application acting by itself) and, where it
 * helps, what they act as (普陀区应急管理局执法大队; 生成隐患 for the system). Shown as {@link #label()}, never as
 * the user name or the system's reason code the records keep.
 */
public record ActorName(String name, String affiliation) {

	/** The name with its affiliation in brackets: 刘洋（普陀区应急管理局执法大队）, 系统（生成隐患）. */
	public String label() {
		return affiliation == null || affiliation.isBlank() ? name : name + "（" + affiliation + "）";
	}

	@Override
	public String toString() {
		return label();
	}
}
