/**
 * What one instance tells the others: events written to a shared table and read by every instance
 * every so often, so that several instances on one PostgreSQL behave as one service. Works the same
 * on the embedded H2, where there is only one instance.
 */
package com.clinicfaq.cluster;
