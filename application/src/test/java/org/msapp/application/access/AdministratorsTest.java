package org.msapp.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.msapp.application.access.Role;
import org.msapp.domain.user.NickName;

class AdministratorsTest {
    @Test
    void names_are_compared_whatever_their_case_and_surrounding_space_however_the_set_is_made() {
        for (Administrators admins : List.of(Administrators.of(List.of(" Ops.Team ", "")), new Administrators(Set.of("OPS.team")))) {
            assertThat(admins.name(NickName.of("ops.TEAM"))).isTrue();
            assertThat(admins.rolesOf(NickName.of("ops.team"))).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
            assertThat(admins.rolesOf(NickName.of("alice"))).containsExactly(Role.USER);
        }
    }
}
