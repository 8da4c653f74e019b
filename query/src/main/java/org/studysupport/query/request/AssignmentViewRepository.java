package org.studysupport.query.request;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

public interface AssignmentViewRepository extends JpaRepository<AssignmentViewEntity, UUID> {
}
