package org.studysupport.query.request;

import org.springframework.data.jpa.repository.JpaRepository;

public interface QueueChangeRepository extends JpaRepository<QueueChangeEntity, Long> {
}
