package br.com.balcao.security;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgentStatusChangeRepository extends JpaRepository<AgentStatusChange, Long> {
}
