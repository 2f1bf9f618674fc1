package org.anjian.penalty;

/** An accident's consequences as the accident fine rules weigh them: deaths, serious injuries, direct loss in yuan. */
public record Accident(int deaths, int seriousInjuries, long directLossYuan) {

	public Accident {
		if (deaths < 0 || seriousInjuries < 0 || directLossYuan < 0) {
			throw new IllegalArgumentException("事故的死亡、重伤人数和直接经济损失不能为负数");
		}
	}
}
