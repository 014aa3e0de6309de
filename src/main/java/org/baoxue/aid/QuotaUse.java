package org.baoxue.aid;

/**
 * How much of a round's boarding quota is used: {@code identified} boarders on the list, of {@code boarders}
 * enrolled at the school, at most {@code limit} = floor(share × boarders). Only the living subsidy has a quota.
 */
public record QuotaUse(boolean applies, int identified, int boarders, double share, int limit) {

    public boolean over() {
        return applies && identified > limit;
    }

    public int percentOfLimit() {
        return limit == 0 ? (identified == 0 ? 0 : 100) : (int) Math.round(100.0 * identified / limit);
    }

    static QuotaUse of(boolean applies, int identified, int boarders, double share) {
        return new QuotaUse(applies, identified, boarders, share, (int) Math.floor(share * boarders + 1e-9));
    }
}
