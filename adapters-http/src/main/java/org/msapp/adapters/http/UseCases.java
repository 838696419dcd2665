package org.msapp.adapters.http;

import org.msapp.application.access.AuthenticateToken;
import org.msapp.application.access.AuthenticateUser;
import org.msapp.application.access.IssueToken;
import org.msapp.application.health.CheckReadiness;
import org.msapp.application.idempotency.RunIdempotently;
import org.msapp.application.order.DeleteOrder;
import org.msapp.application.order.GetOrder;
import org.msapp.application.order.ListAllOrders;
import org.msapp.application.order.ListOrdersOfUser;
import org.msapp.application.order.PlaceOrder;
import org.msapp.application.order.UpdateOrder;
import org.msapp.application.user.ChangePassword;
import org.msapp.application.user.DeleteUser;
import org.msapp.application.user.FindUserByNickName;
import org.msapp.application.user.GetUser;
import org.msapp.application.user.ListUsers;
import org.msapp.application.user.RegisterUser;
import org.msapp.application.user.UpdateUser;

/** Everything the HTTP adapter may call: use cases only, never an outbound port. */
public record UseCases(RegisterUser registerUser, AuthenticateUser authenticateUser, IssueToken issueToken,
                       AuthenticateToken authenticateToken, GetUser getUser,
                       FindUserByNickName findUserByNickName, ListUsers listUsers, UpdateUser updateUser,
                       ChangePassword changePassword, DeleteUser deleteUser, PlaceOrder placeOrder, GetOrder getOrder,
                       ListOrdersOfUser listOrdersOfUser, ListAllOrders listAllOrders, UpdateOrder updateOrder,
                       DeleteOrder deleteOrder, RunIdempotently runIdempotently, CheckReadiness checkReadiness) {
}
