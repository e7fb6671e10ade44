package br.com.balcao.numbers;

import br.com.balcao.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The numbers module's facade: which numbers exist and who belongs to which. */
@Service
@Transactional(readOnly = true)
public class NumberDirectory {

    private final BusinessNumberRepository numbers;
    private final MembershipRepository memberships;

    NumberDirectory(BusinessNumberRepository numbers, MembershipRepository memberships) {
        this.numbers = numbers;
        this.memberships = memberships;
    }

    public List<NumberView> all() {
        return numbers.findAllByOrderByNameAsc().stream().map(BusinessNumber::toView).toList();
    }

    /** The numbers a user is a member of, by name. */
    public List<NumberView> numbersOf(long userId) {
        return numbers.findByMember(userId).stream().map(BusinessNumber::toView).toList();
    }

    public Optional<NumberView> find(long numberId) {
        return numbers.findById(numberId).map(BusinessNumber::toView);
    }

    public Optional<NumberView> findByPhoneNumberId(String phoneNumberId) {
        return numbers.findByPhoneNumberId(phoneNumberId).map(BusinessNumber::toView);
    }

    /** The settings the automation and the ticket engine act on; an unknown number is a {@link NotFoundException}. */
    public NumberRules rules(long numberId) {
        return numbers.findById(numberId).map(BusinessNumber::toRules)
                .orElseThrow(() -> new NotFoundException("Number " + numberId));
    }

    /** The members of a number, each with their permissions there. */
    public Map<Long, Set<Permission>> membersOf(long numberId) {
        return memberships.findByKeyNumberId(numberId).stream()
                .collect(Collectors.toMap(Membership::getUserId, Membership::getPermissions));
    }

    /** A user's permissions on each number they belong to. */
    public Map<Long, Set<Permission>> permissionsOf(long userId) {
        return memberships.findByKeyUserId(userId).stream()
                .collect(Collectors.toMap(Membership::getNumberId, Membership::getPermissions));
    }
}
