package org.msapp.application.access;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.msapp.domain.user.NickName;

/**
 * The nick names (whatever their case) whose holders are administrators. The role follows the name:
 * it is worked out again on every request, so a user renamed away from it loses it at once.
 */
public record Administrators(Set<String> nickNameKeys) {
    public Administrators {
        nickNameKeys = nickNameKeys.stream().map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static Administrators none() {
        return new Administrators(Set.of());
    }

    public static Administrators of(Collection<String> nickNames) {
        return new Administrators(Set.copyOf(nickNames));
    }

    public boolean name(NickName nickName) {
        return nickNameKeys.contains(nickName.key());
    }

    public Set<Role> rolesOf(NickName nickName) {
        return name(nickName) ? Set.of(Role.USER, Role.ADMIN) : Set.of(Role.USER);
    }
}
