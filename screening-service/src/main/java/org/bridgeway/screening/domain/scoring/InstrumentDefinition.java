package org.bridgeway.screening.domain.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A versioned screening instrument exactly as a community writes it (see docs/instruments.md).
 * Optional fields stay {@code null} rather than being defaulted here, so that serialising a definition
 * gives back the shape that was submitted; the {@code effective*} helpers apply the defaults.
 * Nothing is checked on construction: run {@link InstrumentValidator#validate} before scoring.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstrumentDefinition(
        String key,
        Integer version,
        String title,
        List<Item> items,
        List<Domain> domains,
        List<String> bandOrder,
        FlagRule flag,
        List<TierRule> tiers) {

    public static final String SUM = "sum";
    public static final String MEAN = "mean";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String id, String text, String domain, Integer min, Integer max, Boolean reverse, Double weight) {

        @JsonIgnore
        public boolean isReverse() {
            return Boolean.TRUE.equals(reverse);
        }

        public double effectiveWeight() {
            return weight == null ? 1.0 : weight;
        }

        /** The answer turned round for reverse items, so that higher always means more risk. */
        public int adjusted(int raw) {
            return isReverse() ? min + max - raw : raw;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Domain(
            String key, String label, String method, Integer minAnswered, List<Band> bands, List<String> needs) {

        public int effectiveMinAnswered() {
            return minAnswered == null ? 1 : minAnswered;
        }
    }

    /** {@code upTo} is inclusive; the last band has none and takes everything above. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Band(String band, Double upTo) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FlagRule(String anyDomainAtLeast, DomainsAtLeast domainsAtLeast) {

        public Condition asCondition() {
            return new Condition(anyDomainAtLeast, domainsAtLeast);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DomainsAtLeast(String band, Integer count) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TierRule(Integer tier, Condition when) {}

    /** Holds when either part holds; a part that is absent never holds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String anyDomainAtLeast, DomainsAtLeast domainsAtLeast) {}

    public List<Item> itemsOf(String domainKey) {
        return items.stream().filter(i -> domainKey.equals(i.domain())).toList();
    }
}
