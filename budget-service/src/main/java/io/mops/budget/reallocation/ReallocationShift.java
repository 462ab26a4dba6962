package io.mops.budget.reallocation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One channel's numbers in a stored proposal. */
@Entity
@Table(name = "reallocation_shift")
public class ReallocationShift extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public BigDecimal before;
    @Column(nullable = false)
    public BigDecimal after;

    static ReallocationShift of(UUID proposalId, ChannelShift shift) {
        ReallocationShift row = new ReallocationShift();
        row.id = UUID.randomUUID();
        row.proposalId = proposalId;
        row.channel = shift.channel();
        row.before = shift.before().amount();
        row.after = shift.after().amount();
        return row;
    }

    static Uni<List<ReallocationShift>> of(UUID proposalId) {
        return list("proposalId = ?1 order by channel", proposalId);
    }

    static Uni<List<ReallocationShift>> ofAll(Collection<UUID> proposalIds) {
        if (proposalIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("proposalId in ?1 order by channel", proposalIds);
    }
}
