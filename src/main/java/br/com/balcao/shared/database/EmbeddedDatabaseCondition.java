package br.com.balcao.shared.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no external database is configured and the embedded one is not switched off. */
class EmbeddedDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return EmbeddedDatabaseDefaults.usesEmbeddedDatabase((ConfigurableEnvironment) context.getEnvironment());
    }
}
