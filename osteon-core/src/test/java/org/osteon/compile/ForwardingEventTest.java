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

    /**
     * What the wrapped event returns comes back unchanged, and the arguments reach it unchanged:
     * checked twice, with every boolean true and then false, distinct numbers, an id and an array
     * (a forwarder that answered a constant, or passed a copy, would fail one of the two rounds).
     */
    @Test
    void everyResultAndArgumentPassesThroughUnchanged() throws Exception {
        for (boolean flag : new boolean[] {true, false}) {
            double number = flag ? 2.5 : -1.5;
            double[] array = {number};
            List<Object[]> argsSeen = new ArrayList<>();
            CompiledEvent inner = (CompiledEvent) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {CompiledEvent.class}, (proxy, method, args) -> {
                        argsSeen.add(args == null ? new Object[0] : args);
                        Class<?> type = method.getReturnType();
                        if (type == boolean.class) {
                            return flag;
                        }
                        if (type == int.class) {
                            return flag ? 7 : 3;
                        }
                        if (type == double.class) {
                            return number;
                        }
                        if (type == String.class) {
                            return flag ? "E1" : "E2";
                        }
                        return type == double[].class ? array : null;
                    });
            CompiledEvent outer = new ForwardingEvent(inner) {
            };
            for (Method m : CompiledEvent.class.getMethods()) {
                if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Object[] args = new Object[m.getParameterCount()];
                for (int i = 0; i < args.length; i++) {
                    Class<?> type = m.getParameterTypes()[i];
                    args[i] = type == double[].class ? new double[] {i} : type == int.class ? (Object) (i + 1) : (Object) (i + 0.25);
                }
                argsSeen.clear();
                Object result = m.invoke(outer, args);
                assertThat(argsSeen).as("%s reaches the wrapped event once", m.getName()).hasSize(1);
                assertThat(argsSeen.get(0)).as("%s arguments", m.getName()).containsExactly(args);
                Class<?> type = m.getReturnType();
                if (type == boolean.class) {
                    assertThat(result).as(m.getName()).isEqualTo(flag);
                } else if (type == int.class) {
                    assertThat(result).as(m.getName()).isEqualTo(flag ? 7 : 3);
                } else if (type == double.class) {
                    assertThat(result).as(m.getName()).isEqualTo(number);
                } else if (type == String.class) {
                    assertThat(result).as(m.getName()).isEqualTo(flag ? "E1" : "E2");
                } else if (type == double[].class) {
                    assertThat(result).as(m.getName()).isSameAs(array);
                }
            }
        }
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
