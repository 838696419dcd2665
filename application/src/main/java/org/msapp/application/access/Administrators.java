package org.msapp.application.access;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.msapp.application.Role;
import org.msapp.domain.user.NickName;

/** The nick names (whatever their case) whose holders are administrators. */
public record Administrators(Set<String> nickNameKeys) {
    public Administrators {
        nickNameKeys = Set.copyOf(nickNameKeys);
    }

    public static Administrators none() {
        return new Administrators(Set.of());
    }

    public static Administrators of(Collection<String> nickNames) {
        return new Administrators(nickNames.stream().map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    public Set<Role> rolesOf(NickName nickName) {
        return nickNameKeys.contains(nickName.key()) ? Set.of(Role.USER, Role.ADMIN) : Set.of(Role.USER);
    }
}
