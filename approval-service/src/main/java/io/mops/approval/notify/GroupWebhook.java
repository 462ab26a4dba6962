package io.mops.approval.notify;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Where a group wants its approval news posted (a Slack incoming webhook, a chat bot), and the signing secret. */
@Entity
@Table(name = "group_webhook")
public class GroupWebhook extends PanacheEntityBase {

    @Id
    @Column(name = "group_name")
    public String group;
    @Column(nullable = false, columnDefinition = "text")
    public String url;
    @Column(nullable = false, columnDefinition = "text")
    public String secret;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
