package org.studysupport.api.security;

/**
 * Who did something: user id, role and, for hospital staff, the hospital they act for.
 * Travels as message metadata (keys below), never inside free text.
 */
public record Actor(String id, Role role, String hospital) {

    public static final String USER_ID = "userId";
    public static final String ROLE = "role";
    public static final String HOSPITAL = "hospital";
    public static final String REASON = "reason";

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("actor id is required");
        }
        if (role == null) {
            throw new IllegalArgumentException("actor role is required");
        }
    }

    public static Actor of(String id, Role role) {
        return new Actor(id, role, null);
    }

    public static Actor hospitalStaff(String id, String hospital) {
        return new Actor(id, Role.HOSPITAL, hospital);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean actsFor(String hospitalCode) {
        return role == Role.HOSPITAL && hospital != null && hospital.equals(hospitalCode);
    }
}
