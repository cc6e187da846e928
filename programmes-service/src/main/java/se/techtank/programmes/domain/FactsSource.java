package se.techtank.programmes.domain;

/** Where an application's company facts come from: the member register, or the applying partner's word. */
public enum FactsSource {
    REGISTER,
    DECLARED
}
