package org.studysupport.api.reference;

/** The network's service catalogue. The codes are part of the public API. */
public enum ServiceCode {
    METHODOLOGY("Protocol and study design"),
    BIOSTATISTICS("Biostatistics"),
    REGULATORY("Ethics and regulatory submissions"),
    DATA_MANAGEMENT("Data management, eCRF and database"),
    MONITORING("Monitoring"),
    PHARMACOVIGILANCE("Pharmacovigilance and device vigilance"),
    PROJECT_MANAGEMENT("Project management"),
    STUDY_NURSES("Study nurses and site operations"),
    BIOBANK("Biobank"),
    HEALTH_ECONOMICS("Health economics"),
    PATIENT_INVOLVEMENT("Patient and public involvement"),
    CONTRACTS_FUNDING("Contracts and funding"),
    GCP_TRAINING("GCP training");

    private final String displayName;

    ServiceCode(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
