package org.studysupport.api.request;

public enum FundingStatus {
    NONE, APPLIED, AWARDED, INDUSTRY
}
