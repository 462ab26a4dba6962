package io.mops.testing.statistics;

/**
 * The Bayesian reading of one variant against the others.
 *
 * @param chanceToBeBest      posterior probability that this variant has the highest true metric of all compared
 * @param expectedLoss        how much metric we expect to give up, on average, by choosing this variant rather than
 *                            the truly best one (in the metric's own unit: conversion rate points, currency per unit)
 * @param chanceToBeatControl posterior probability that this variant beats the control; {@code null} for the control
 * @param uplift              relative uplift over the control with its credible interval; {@code null} for the control
 *                            or when the control's mean is not positive
 * @param interval            the equal-tailed credible interval of this variant's own metric (its conversion rate or
 *                            mean value per unit), at the same level as the uplift's
 */
public record BayesianVerdict(double chanceToBeBest, double expectedLoss, Double chanceToBeatControl,
                              UpliftInterval uplift, CredibleInterval interval) {
}
