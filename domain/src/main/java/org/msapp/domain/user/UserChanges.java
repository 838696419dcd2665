package org.msapp.domain.user;

import java.util.Optional;

/** What an update asks to change; an empty field stays as it is. */
public record UserChanges(Optional<NickName> nickName, Optional<FullName> fullName, Optional<Email> email,
                          Optional<PhoneNumber> phoneNumber) {
    public static UserChanges none() {
        return new UserChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return nickName.isEmpty() && fullName.isEmpty() && email.isEmpty() && phoneNumber.isEmpty();
    }
}
