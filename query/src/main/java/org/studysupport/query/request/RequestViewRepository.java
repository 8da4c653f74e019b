package org.studysupport.query.request;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

public interface RequestViewRepository extends JpaRepository<RequestViewEntity, UUID> {
}
