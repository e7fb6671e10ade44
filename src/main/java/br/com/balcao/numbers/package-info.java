/** Business numbers: their service hours, holidays and rules, and who may serve them with which permissions. */
@ApplicationModule(allowedDependencies = {"shared"})
package br.com.balcao.numbers;

import org.springframework.modulith.ApplicationModule;
