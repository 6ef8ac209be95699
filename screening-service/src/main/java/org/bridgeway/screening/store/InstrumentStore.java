package org.bridgeway.screening.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Instrument versions, and whether any response was scored against each (then it is immutable). */
@ApplicationScoped
public class InstrumentStore {

    /** A version as listed: without its definition, with whether it is in use. */
    public record Listed(String key, int version, String title, boolean inUse, Instant createdAt) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instrument> find(String key, int version) {
        return Instrument.findByIdOptional(new Instrument.Id(key, version));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Instrument instrument) {
        instrument.persist();
    }

    /** Every version with its use, in one query however many versions there are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Listed> list() {
        return Instrument.getEntityManager()
                .createQuery(
                        "select i.id.key, i.id.version, i.title, i.createdAt,"
                                + " case when exists (select 1 from Screening s where s.instrumentKey = i.id.key"
                                + " and s.instrumentVersion = i.id.version) then true else false end"
                                + " from Instrument i order by i.id.key, i.id.version",
                        Object[].class)
                .getResultList()
                .stream()
                .map(row -> new Listed(
                        (String) row[0], (Integer) row[1], (String) row[2], (Boolean) row[4], (Instant) row[3]))
                .toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean inUse(String key, int version) {
        return Screening.count("instrumentKey = ?1 and instrumentVersion = ?2", key, version) > 0;
    }
}
