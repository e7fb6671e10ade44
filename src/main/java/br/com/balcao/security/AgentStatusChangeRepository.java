package br.com.balcao.security;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgentStatusChangeRepository extends JpaRepository<AgentStatusChange, Long> {

    List<AgentStatusChange> findTop20ByUserIdOrderByChangedAtDesc(long userId);
}
