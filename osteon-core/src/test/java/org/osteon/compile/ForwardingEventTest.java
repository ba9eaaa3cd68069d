package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every method of {@link CompiledEvent}, the default ones included, reaches the wrapped event: a
 * wrapper built on {@link ForwardingEvent} cannot lose one (the sensitivity wrapper once lost
 * {@code hasPriority} and the time-aware {@code apply}).
 */
class ForwardingEventTest {
    @Test
    void everyMethodIsForwarded() throws Exception {
        List<String> received = new ArrayList<>();
        CompiledEvent inner = (CompiledEvent) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CompiledEvent.class}, (proxy, method, args) -> {
                    received.add(signature(method));
                    return zero(method.getReturnType());
                });
        CompiledEvent outer = new ForwardingEvent(inner) {
        };
        List<String> called = new ArrayList<>();
        for (Method m : CompiledEvent.class.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> type = m.getParameterTypes()[i];
                args[i] = type == double[].class ? new double[1] : zero(type);
            }
            m.invoke(outer, args);
            called.add(signature(m));
        }
        assertThat(called).hasSizeGreaterThanOrEqualTo(15);
        assertThat(received).containsExactlyElementsOf(called);
    }

    private static String signature(Method m) {
        return m.getName() + java.util.Arrays.toString(m.getParameterTypes());
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }
}
