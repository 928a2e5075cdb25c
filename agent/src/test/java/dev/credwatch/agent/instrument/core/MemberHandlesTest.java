package dev.credwatch.agent.instrument.core;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

import static org.assertj.core.api.Assertions.assertThat;

class MemberHandlesTest {
    private static final MethodHandle FIRST = MethodHandles.constant(Object.class, "first");
    private static final MethodHandle SECOND = MethodHandles.constant(Object.class, "second");

    @Test
    void findsAMemberByItsLiteralAndByAnEqualNameMadeAtRunTime() {
        MemberHandles handles = new MemberHandles();
        handles.add("getHeaders", FIRST);
        handles.add("getStatusCode", SECOND);

        assertThat(handles.find("getStatusCode")).isSameAs(SECOND);
        assertThat(handles.find(new StringBuilder("get").append("Headers").toString())).isSameAs(FIRST);
        assertThat(handles.find("getBody")).isNull();
    }

    @Test
    void aMemberAddedTwiceKeepsTheFirstHandle() {
        MemberHandles handles = new MemberHandles();

        assertThat(handles.add("getHeaders", FIRST)).isSameAs(FIRST);
        assertThat(handles.add("getHeaders", SECOND)).isSameAs(FIRST);
        assertThat(handles.find("getHeaders")).isSameAs(FIRST);
    }
}
