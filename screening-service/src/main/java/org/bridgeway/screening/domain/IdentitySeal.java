package org.bridgeway.screening.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** A student's identity as stored: JSON sealed with the identity key, bound to the student's ref. */
@ApplicationScoped
public class IdentitySeal {

    private final IdentityVault vault;
    private final ObjectMapper json;

    IdentitySeal(IdentityVault vault, ObjectMapper json) {
        this.vault = vault;
        this.json = json;
    }

    public byte[] seal(String studentRef, StudentIdentity identity) {
        try {
            return vault.encrypt(studentRef, json.writeValueAsString(identity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("identity cannot be written", e);
        }
    }

    public StudentIdentity open(String studentRef, byte[] sealed) {
        try {
            return json.readValue(vault.decrypt(studentRef, sealed), StudentIdentity.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored identity of " + studentRef + " cannot be read", e);
        }
    }
}
